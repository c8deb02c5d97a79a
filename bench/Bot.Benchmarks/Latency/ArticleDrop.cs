namespace Bot.Benchmarks.Latency;

/// <summary>How a measured article reaches the bot; each drop returns the moment it was handed over.</summary>
public interface IArticleDrop : IDisposable
{
    /// <summary>Hands over article <paramref name="index"/>, tagged <paramref name="tag"/>; returns when (the wall clock) it left the harness.</summary>
    Task<DateTimeOffset> DropAsync(int index, string tag);
}

/// <summary>As a newsroom is told to: written under another name, then renamed into the inbox; timed from the rename.</summary>
public sealed class InboxDrop(string inbox, string staging) : IArticleDrop
{
    public async Task<DateTimeOffset> DropAsync(int index, string tag)
    {
        var name = $"article-{index:D4}.md";
        var text = $"---\nid: latency-{index}\ntitle: Latency {index}\ntags: [{tag}]\nlanguage: en\n---\nArticle {index}, timed from the inbox to its channel.\n";
        await File.WriteAllTextAsync(Path.Combine(staging, name), text);
        var at = DateTimeOffset.UtcNow;
        File.Move(Path.Combine(staging, name), Path.Combine(inbox, name));
        return at;
    }

    public void Dispose()
    {
    }
}
