using System.Text;
using Bot.Core.Articles;
using Bot.Core.Articles.Feeds;
using Bot.Core.Tests.Support;
using CsCheck;
using Xunit;

namespace Bot.Core.Tests.Articles;

/// <summary>
/// Whatever a file or feed holds, reading it gives an article or a one-line reason: never an exception, and never
/// more work than a small constant times its size.
/// </summary>
public sealed class ArticleParserPropertyTests
{
    private const long Iterations = 2_000;

    // Decoding, a parser's pass and the nodes it visits: each at most a few steps per character.
    private const int StepsPerCharacter = 8;

    [Theory]
    [InlineData("a.md")]
    [InlineData("a.json")]
    [InlineData("a.txt")]
    public void Read_AnyBytes_GivesAnArticleOrAOneLineReason(string fileName) =>
        ArticleInputGen.Bytes.Sample(bytes => AssertArticleOrReason(fileName, bytes), iter: Iterations);

    [Fact]
    public void Read_MarkdownWithFrontMatterFromTheGrammar_GivesAnArticleOrAOneLineReason() =>
        ArticleInputGen.Markdown.Sample(text => AssertArticleOrReason("a.md", Encoding.UTF8.GetBytes(text)), iter: Iterations);

    [Fact]
    public void Read_JsonFromTheGrammar_GivesAnArticleOrAOneLineReason() =>
        ArticleInputGen.Json.Sample(text => AssertArticleOrReason("a.json", Encoding.UTF8.GetBytes(text)), iter: Iterations);

    [Fact]
    public void Read_TextFromTheGrammar_GivesAnArticleOrAOneLineReason() =>
        ArticleInputGen.PlainText.Sample(text => AssertArticleOrReason("a.txt", Encoding.UTF8.GetBytes(text)), iter: Iterations);

    [Fact]
    public void Split_HtmlFromTheGrammar_GivesParagraphsOnOneLineEachWithinTheWorkBound() =>
        ArticleInputGen.Html.Sample(
            html =>
            {
                var work = new WorkCounter();

                var paragraphs = HtmlParagraphs.Split(html, work);

                Assert.All(paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));
                Assert.True(work.Steps <= 2 * (html.Length + 1), $"{work.Steps} steps for {html.Length} characters");
            },
            iter: Iterations);

    [Fact]
    public void Read_FeedFromTheGrammar_GivesEntriesOrAOneLineReason() =>
        ArticleInputGen.Feed.Sample(
            document =>
            {
                var result = FeedReader.Read(Encoding.UTF8.GetBytes(document), null, new Uri("https://example.org/feed.xml"), ArticleFiles.Received);

                switch (result)
                {
                    case FeedReadResult.Failure failure:
                        AssertOneLine(failure.Reason);
                        break;
                    case FeedReadResult.Success success:
                        Assert.All(success.Entries, e =>
                        {
                            if (e is FeedEntry.Skipped skipped) AssertOneLine(skipped.Reason);
                        });
                        break;
                }
            },
            iter: Iterations);

    private static void AssertArticleOrReason(string fileName, byte[] bytes)
    {
        var work = new WorkCounter();

        var result = ArticleFileReader.Read(fileName, bytes, ArticleFiles.Received, work);

        if (result is ArticleReadResult.Failure failure) AssertOneLine(failure.Reason);
        else Assert.IsType<ArticleReadResult.Success>(result);
        Assert.True(work.Steps <= StepsPerCharacter * (bytes.Length + 1), $"{work.Steps} steps for {bytes.Length} bytes");
    }

    private static void AssertOneLine(string reason)
    {
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain('\n', reason);
        Assert.DoesNotContain('\r', reason);
    }
}
