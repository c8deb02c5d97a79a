using Bot.Core.Articles;

namespace Bot.Core.Storage;

/// <summary>
/// An article arrived under an id the store already holds for another origin. Only a newsroom key stored before
/// origins existed can start like a feed item's id; the store refuses rather than let one origin change the other's.
/// </summary>
public sealed class ArticleOriginConflictException(string id, ArticleOrigin stored, ArticleOrigin incoming)
    : InvalidOperationException($"the id {id} belongs to an article from {stored}, not {incoming}; nothing was stored")
{
    public string Id { get; } = id;
}
