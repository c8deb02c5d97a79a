using System.Text.RegularExpressions;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary><c>bot import</c> as a user runs it: a real process on a fresh SQLite file.</summary>
public sealed partial class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Import_FolderWithABadFile_ImportsTheRestPrintsEachLineAndTheSummaryAndExitsOne()
    {
        _dir.Write("articles/one.txt", Articles.Text("First test article"));
        _dir.Write("articles/nested/two.txt", Articles.Text("Second test article"));
        _dir.Write("articles/notes.csv", "not an article extension, skipped");
        _dir.Write("articles/broken.json", Articles.BrokenJson);
        File.Copy(Articles.SamplePath, _dir.Combine("articles", "quds-press-2023-12.txt"));

        var result = await BotProcess.RunAsync(_dir.Path, "import", "articles");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.OutputLines;
        Assert.Equal(5, lines.Length);
        var created = lines.Select(l => ImportLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(3, created.Count);
        Assert.All(created, m => Assert.Equal("1", m.Groups["version"].Value));
        Assert.All(created, m => Assert.Equal("created", m.Groups["status"].Value));
        Assert.Contains(created, m => m.Groups["title"].Value == "First test article");
        Assert.Contains(created, m => m.Groups["title"].Value == "Second test article");
        Assert.Contains(created, m => m.Groups["title"].Value == File.ReadLines(Articles.SamplePath).First(l => l.Trim().Length > 0).Trim());
        Assert.Contains(lines, l => l.StartsWith("REJECTED ", StringComparison.Ordinal) && l.Contains("broken.json: ", StringComparison.Ordinal));
        Assert.Equal("3 imported, 0 unchanged, 1 rejected", lines[^1]);
    }

    [Fact]
    public async Task Import_RetractedArticleAgain_PrintsRetractedUntilTheFileSaysRetractedFalse()
    {
        var path = _dir.Write("qp.md", "---\nid: qp-1\ntitle: Retracted later\n---\nThe body.\n");
        await BotProcess.RunAsync(_dir.Path, "import", path);
        var retract = await BotProcess.RunAsync(_dir.Path, "retract", "qp-1");

        var again = await BotProcess.RunAsync(_dir.Path, "import", path);
        File.WriteAllText(path, "---\nid: qp-1\ntitle: Retracted later\nretracted: false\n---\nThe body.\n");
        var reinstated = await BotProcess.RunAsync(_dir.Path, "import", path);

        Assert.Equal("qp-1  2  retracted  Retracted later", Assert.Single(retract.OutputLines));
        Assert.Equal(["qp-1 2 Retracted later (retracted)", "0 imported, 1 unchanged, 0 rejected"], again.OutputLines);
        Assert.Equal(["qp-1 3 Retracted later (updated)", "1 imported, 0 unchanged, 0 rejected"], reinstated.OutputLines);
    }

    [Fact]
    public async Task Import_JavascriptUrlOrAFeedItemsId_RejectedWithTheReason()
    {
        _dir.Write("in/script.json", """{"title": "T", "url": "javascript:alert(1)", "body": "x"}""");
        _dir.Write("in/feed.json", """{"id": "@desk/1", "title": "T", "body": "x"}""");

        var result = await BotProcess.RunAsync(_dir.Path, "import", "in");

        Assert.Contains($"REJECTED {Path.Combine("in", "feed.json")}: field \"id\" must not start with \"@\", which marks the articles of feeds", result.OutputLines);
        Assert.Contains($"REJECTED {Path.Combine("in", "script.json")}: field \"url\" must be an absolute http(s) URL, not \"javascript:alert(1)\"", result.OutputLines);
        Assert.Equal("0 imported, 0 unchanged, 2 rejected", result.OutputLines[^1]);
    }

    [Fact]
    public async Task Import_SameFilesAgain_PrintsUnchanged()
    {
        _dir.Write("articles/one.txt", Articles.Text("Imported twice"));
        await BotProcess.RunAsync(_dir.Path, "import", "articles");

        var result = await BotProcess.RunAsync(_dir.Path, "import", "articles");

        Assert.True(result.ExitCode == 0, result.ToString());
        var match = ImportLine().Match(result.OutputLines[0]);
        Assert.True(match.Success, result.ToString());
        Assert.Equal("1", match.Groups["version"].Value);
        Assert.Equal("unchanged", match.Groups["status"].Value);
        Assert.Equal("0 imported, 1 unchanged, 0 rejected", result.OutputLines[^1]);
    }

    [Fact]
    public async Task Import_ChangedContentUnderTheSameKey_PrintsVersionTwoUpdated()
    {
        var path = _dir.Write("one.txt", Articles.Text("Corrected later", paragraphs: 1));
        await BotProcess.RunAsync(_dir.Path, "import", path);
        File.WriteAllText(path, Articles.Text("Corrected later", paragraphs: 3));

        var result = await BotProcess.RunAsync(_dir.Path, "import", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var match = ImportLine().Match(result.OutputLines[0]);
        Assert.Equal("2", match.Groups["version"].Value);
        Assert.Equal("updated", match.Groups["status"].Value);
    }

    [Fact]
    public async Task Import_OneMissingPathAmongOthers_ExitsOneAndImportsNothing()
    {
        _dir.Write("one.txt", Articles.Text("Never imported"));

        var result = await BotProcess.RunAsync(_dir.Path, "import", "one.txt", "missing.txt");
        var list = await BotProcess.RunAsync(_dir.Path, "articles");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: no such file: missing.txt", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain("Never imported", list.Output);
    }

    [Fact]
    public async Task Import_TwoProcessesOnTheSameFolderAndDatabase_LoseNothingAndDuplicateNothing()
    {
        const int count = 25;
        for (var i = 0; i < count; i++)
        {
            _dir.Write($"burst/article-{i:00}.txt", Articles.Text($"Burst article {i:00}"));
        }

        await using var first = BotProcess.Start(_dir.Path, "import", "burst");
        await using var second = BotProcess.Start(_dir.Path, "import", "burst");
        var results = await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());
        var list = await BotProcess.RunAsync(_dir.Path, "articles", "--limit", "1000");

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var lines = results.SelectMany(r => r.OutputLines).Select(l => ImportLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(2 * count, lines.Count);
        Assert.All(lines, m => Assert.Equal("1", m.Groups["version"].Value));
        var createdPerTitle = lines
            .GroupBy(m => m.Groups["title"].Value)
            .ToDictionary(g => g.Key, g => g.Count(m => m.Groups["status"].Value == "created"));
        Assert.Equal(count, createdPerTitle.Count);
        Assert.All(createdPerTitle, kv => Assert.True(kv.Value == 1, $"{kv.Key} created {kv.Value} times"));

        Assert.True(list.ExitCode == 0, list.ToString());
        var rows = list.OutputLines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal("1", r[1]));
        Assert.Equal(count, rows.Select(r => r[0]).Distinct().Count());
    }

    // KEY VERSION TITLE (STATUS)
    [GeneratedRegex(@"^(?<key>\S+) (?<version>\d+) (?<title>.+) \((?<status>created|updated|unchanged)\)$")]
    private static partial Regex ImportLine();
}
