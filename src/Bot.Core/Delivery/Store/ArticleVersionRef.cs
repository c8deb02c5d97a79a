namespace Bot.Core.Delivery.Store;

/// <summary>One stored version of an article.</summary>
public sealed record ArticleVersionRef(string ArticleKey, int Version);
