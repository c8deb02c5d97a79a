using System.Text;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

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

    [Fact]
    public void FreePath_NameOfADanglingLink_IsTaken()
    {
        File.CreateSymbolicLink(_dir.Combine("c.md"), _dir.Combine("nowhere"));

        Assert.Equal(_dir.Combine("c-1.md"), InboxFolder.FreePath(_dir.Path, "c.md"));
    }

    [Theory]
    [InlineData("../../etc/passwd", ".._.._etc_passwd")]
    [InlineData("..\\..\\escape.json", ".._.._escape.json")]
    [InlineData("/absolute.md", "_absolute.md")]
    [InlineData("..", "_")]
    [InlineData(".", "_")]
    [InlineData("", "_")]
    [InlineData("line\nbreak\r.md", "line_break_.md")]
    [InlineData("\u001b[31mred\u0007.md", "_[31mred_.md")]
    [InlineData("para\u2029graph.md", "para_graph.md")]
    [InlineData("خبر عاجل.txt", "خبر عاجل.txt")]
    [InlineData("article.txt", "article.txt")]
    public void SafeName_AnyName_IsOneHarmlessPathComponent(string name, string expected)
    {
        var safe = InboxFolder.SafeName(name);

        Assert.Equal(expected, safe);
        Assert.Equal(safe, Path.GetFileName(Path.Combine(_dir.Path, safe)));
    }

    [Theory]
    [InlineData(250, "a", ".json")]
    [InlineData(120, "خ", ".txt")]
    [InlineData(60, "😀", ".md")]
    [InlineData(250, "a", ".an-extension-far-too-long-to-be-one")]
    public void SafeName_TooLongForASuffix_IsShortenedKeepingAnExtensionAndWholeCharacters(int repeat, string unit, string extension)
    {
        var safe = InboxFolder.SafeName(string.Concat(Enumerable.Repeat(unit, repeat)) + extension);

        Assert.True(Encoding.UTF8.GetByteCount(safe) <= InboxFolder.MaxStoredNameBytes);
        Assert.True(Encoding.UTF8.GetByteCount(safe + "-99999" + InboxFolder.ReasonExtension) <= 255);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(safe)));
        Assert.StartsWith(unit, safe, StringComparison.Ordinal);
        if (extension.Length <= 16)
        {
            Assert.EndsWith(extension, safe, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FreePath_LongName_ItsReasonFileFitsTooAndCanBeCreated()
    {
        var path = InboxFolder.FreePath(_dir.Path, new string('n', 255));

        File.WriteAllText(path, "");
        File.WriteAllText(path + InboxFolder.ReasonExtension, "");

        Assert.Equal(_dir.Path, Path.GetDirectoryName(path));
    }
}
