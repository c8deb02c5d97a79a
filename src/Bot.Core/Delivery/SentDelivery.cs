namespace Bot.Core.Delivery;

/// <summary>A delivery that went out, with the remote id of each part.</summary>
public sealed record SentDelivery(long Id, IReadOnlyList<string> RemoteIds);
