using Bot.Host.Sources.Feeds;
using Bot.Host.Sources.Inbox;

namespace Bot.Host.Sources;

/// <summary>The <c>Sources</c> section: where article files and feed items come from.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>Folder watched for article files, relative to the working directory. Default <c>data/inbox</c>.</summary>
    public string Inbox { get; set; } = "data/inbox";

    /// <summary>
    /// How the inbox learns that a file is complete: <c>Auto</c> (the kernel's close-after-write and moved-in
    /// events on Linux when the folder is local, else polling), <c>Notify</c> (those events or no start), <c>Poll</c>
    /// (the settle time alone). Default <c>Auto</c>.
    /// </summary>
    public InboxWatchMode InboxWatch { get; set; } = InboxWatchMode.Auto;

    /// <summary>
    /// How long a file's size and modification time must hold still before it is taken without an event: always
    /// when polling, and for files present at start or after lost events. Default 5 seconds.
    /// </summary>
    public TimeSpan InboxSettle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a host's claim folder may go unrenewed before the other hosts take back its files. Default 1 minute.
    /// </summary>
    public TimeSpan InboxClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Folder whose article files are imported once when <c>bot run</c> finds the store empty, so a fresh
    /// clone announces something. Default <c>samples</c>; empty to disable.
    /// </summary>
    public string Seed { get; set; } = "samples";

    /// <summary>RSS and Atom feeds polled by <c>bot run</c>; none by default.</summary>
    public List<FeedOptions> Feeds { get; set; } = [];
}
