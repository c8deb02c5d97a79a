using Bot.Core.Articles;

namespace Bot.Host.Http.Admin;

/// <summary>One article of <c>GET /admin/api/articles</c>: its latest version.</summary>
public sealed record AdminArticleSummary(
    string Key,
    int Version,
    string Title,
    string Language,
    string Direction,
    DateTimeOffset? Published,
    DateTimeOffset Received,
    bool Retracted)
{
    public static AdminArticleSummary Of(Article a) =>
        new(a.Key, a.Version, a.Title, a.Language, a.Direction.ToString().ToLowerInvariant(), a.Published, a.Received, a.Retracted);
}
