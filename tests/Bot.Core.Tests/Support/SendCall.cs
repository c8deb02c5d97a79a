using Bot.Core.Channels;

namespace Bot.Core.Tests.Support;

/// <summary>One call a <see cref="ScriptedChannelSender"/> received; <see cref="Ids"/> are the already-sent or remote ids passed in.</summary>
public sealed record SendCall(string Action, DeliveryTarget Target, RenderedMessage? Message, IReadOnlyList<string> Ids);
