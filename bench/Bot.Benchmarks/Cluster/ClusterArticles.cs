using System.Diagnostics;
using Bot.IntegrationTests.ScaleOut;

namespace Bot.Benchmarks.Cluster;

/// <summary>Short article files, each with its own id, dropped into a host's inbox as an editor's tool does: written aside, then renamed in.</summary>
internal static class ClusterArticles
{
    public static string Text(string id, string title) =>
        $"---\ntitle: {title}\nid: {id}\n---\n{title}: an article dropped into one host's inbox to measure the cluster.\n";

    /// <summary>Renames the article into <paramref name="host"/>'s inbox and returns the <see cref="Stopwatch"/> timestamp of the rename.</summary>
    public static async Task<long> DropAsync(ClusterHost host, string id, string title)
    {
        var staged = host.Folder.Combine("data", id + ".tmp");
        await File.WriteAllTextAsync(staged, Text(id, title));
        var at = Stopwatch.GetTimestamp();
        File.Move(staged, host.Folder.Combine("data", "inbox", id + ".md"));
        return at;
    }

    public static Task WaitForInboxAsync(ClusterHost host) =>
        IntegrationTests.Support.Eventually.HoldsAsync(() => Directory.Exists(host.Folder.Combine("data", "inbox")), $"{host.Name}'s inbox exists");
}
