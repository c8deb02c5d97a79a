namespace Bot.Core.Channels;

/// <summary>What a template produced for one delivery, in the channel's own markup, already split to its limits.</summary>
public abstract record RenderedMessage;
