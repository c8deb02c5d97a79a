using Bot.Host.Sources;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class InboxFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(".hidden.txt", true)]
    [InlineData("~lock.article.md", true)]
    [InlineData("upload.txt.tmp", true)]
    [InlineData("download.json.PART", true)]
    [InlineData("article.txt", false)]
    [InlineData("article.pdf", false)]
    public void IsIgnored_WorkInProgressNames_AreIgnored(string name, bool ignored) =>
        Assert.Equal(ignored, InboxFolder.IsIgnored(name));

    [Fact]
    public void FreePath_NameTaken_AddsTheFirstFreeSuffix()
    {
        _dir.Write("a.txt", "");
        _dir.Write("a-1.txt.reason", "");

        var path = InboxFolder.FreePath(_dir.Path, "a.txt");

        Assert.Equal(_dir.Combine("a-2.txt"), path);
    }

    [Fact]
    public void FreePath_NameFree_KeepsTheName() =>
        Assert.Equal(_dir.Combine("b.md"), InboxFolder.FreePath(_dir.Path, "b.md"));
}
