using Bot.Host.Cli;
using Bot.Host.Sources;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console.Testing;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class ImportProgressTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ArticleFeed _feed = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Import_ManyFilesOnAnInteractiveTerminal_ShowsProgressAndEveryLine()
    {
        var files = WriteArticles(ImportCommand.ProgressThreshold + 5);
        using var console = new TestConsole().Interactive().EmitAnsiSequences().Width(200);
        var plain = new StringWriter();

        var exit = await ImportCommand.ImportAsync(console, plain, Importer(), files, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("", plain.ToString());
        Assert.Contains("Importing", console.Output);
        Assert.Contains($"{files.Count} imported, 0 unchanged, 0 rejected", console.Output);
        Assert.Contains("Article number 00 (created)", console.Output);
    }

    [Fact]
    public async Task Import_ManyFilesWithOutputRedirected_WritesPlainUnwrappedLines()
    {
        var files = WriteArticles(ImportCommand.ProgressThreshold + 5, longTitle: true);
        using var console = new TestConsole();
        var plain = new StringWriter();

        var exit = await ImportCommand.ImportAsync(console, plain, Importer(), files, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("", console.Output);
        var lines = plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Count + 1, lines.Length);
        Assert.All(lines[..^1], l => Assert.EndsWith("(created)", l));
        Assert.Equal($"{files.Count} imported, 0 unchanged, 0 rejected", lines[^1]);
        Assert.False(plain.ToString().Contains('\u001b', StringComparison.Ordinal), "no escape sequences when redirected");
    }

    [Fact]
    public async Task Import_CreatedArticle_IsAnnouncedOnTheFeed()
    {
        var files = WriteArticles(1);
        using var subscription = new CancellationTokenSource();
        var notices = _feed.SubscribeAsync(subscription.Token).GetAsyncEnumerator();
        var next = notices.MoveNextAsync();

        await ImportCommand.ImportAsync(new TestConsole(), new StringWriter(), Importer(), files, CancellationToken.None);

        Assert.True(await next.AsTask().WaitAsync(Eventually.DefaultLimit));
        Assert.Equal("Article number 00", notices.Current.Title);
        await subscription.CancelAsync();
    }

    private ArticleImporter Importer() =>
        new(new MemoryArticleStore(), _feed, TimeProvider.System, NullLogger<ArticleImporter>.Instance);

    private List<string> WriteArticles(int count, bool longTitle = false) =>
        Enumerable.Range(0, count)
            .Select(i => _dir.Write(
                $"a{i:00}.txt",
                Articles.Text(longTitle ? $"Article number {i:00} " + new string('x', 150) : $"Article number {i:00}")))
            .ToList();
}
