using Bot.Host.Sources.Feeds;

namespace Bot.Host.Sources;

/// <summary>The <c>Sources</c> section: where article files and feed items come from.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>Folder watched for article files, relative to the working directory. Default <c>data/inbox</c>.</summary>
    public string Inbox { get; set; } = "data/inbox";

    /// <summary>
    /// Folder whose article files are imported once when <c>bot run</c> finds the store empty, so a fresh
    /// clone announces something. Default <c>samples</c>; empty to disable.
    /// </summary>
    public string Seed { get; set; } = "samples";

    /// <summary>RSS and Atom feeds polled by <c>bot run</c>; none by default.</summary>
    public List<FeedOptions> Feeds { get; set; } = [];
}
