namespace Bot.Core.Delivery.Republishing;

/// <summary>The latest re-publish of an article: its generation and when its first delivery was created.</summary>
public sealed record RepublishMark(int Generation, DateTimeOffset CreatedAt);
