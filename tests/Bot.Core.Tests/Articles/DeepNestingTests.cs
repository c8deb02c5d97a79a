using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Articles;

/// <summary>Inputs nested deep enough to overflow a recursive walk, which would end the host process.</summary>
public sealed class DeepNestingTests
{
    private const int Depth = 200_000;

    [Fact]
    public void Read_MarkdownEmphasisNestedVeryDeep_ReadsTheText()
    {
        var text = "# T\n\n" + new string('*', Depth) + "deep" + new string('*', Depth);

        var article = ArticleFiles.Read("a.md", text);

        Assert.Equal(["deep"], article.Paragraphs);
    }

    [Fact]
    public void Read_MarkdownQuotesNestedVeryDeep_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "# T\n\n" + new string('>', 2_000) + " x");

        Assert.Equal("markdown line 3 is nested more than 32 levels deep", reason);
    }

    [Fact]
    public void Read_FrontMatterListsNestedVeryDeep_IsRejected()
    {
        // As deep as the front matter's size limit allows.
        var text = "---\ntags: " + new string('[', 30_000) + new string(']', 30_000) + "\n---\n# T\n\nx";

        var reason = ArticleFiles.Reject("a.md", text);

        Assert.Equal("front matter: nested more than 16 levels deep", reason);
    }

    [Fact]
    public void Read_JsonNestedVeryDeep_IsRejected()
    {
        var text = "{\"title\": \"T\", \"body\": \"x\", \"extra\": " + new string('[', Depth) + new string(']', Depth) + "}";

        var reason = ArticleFiles.Reject("a.json", text);

        Assert.Equal("invalid JSON: (line 1, byte 69) The maximum configured depth of 32 has been exceeded. Cannot read next JSON array.", reason);
    }
}
