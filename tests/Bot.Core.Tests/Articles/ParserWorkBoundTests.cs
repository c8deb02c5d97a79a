using System.Text;
using Bot.Core.Articles;
using Bot.Core.Articles.Feeds;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Articles;

/// <summary>
/// Inputs that are quadratic for a naive parser: reading twice as much costs at most a little over twice the
/// counted work, and what a parser cannot bound cheaply it refuses with a reason.
/// </summary>
public sealed class ParserWorkBoundTests
{
    private const int N = 20_000;

    public static TheoryData<string, string> Html => new()
    {
        { "nested divs", "<div>" },
        { "nested divs with text", "<div>x" },
        { "nested lists", "<ul><li>x" },
        { "unclosed formatting, then paragraphs", "<b id=1><p>x</p>" },
        { "pre with text at each level", "<pre><span>x\n" },
        { "attributes", " a=1" },
        { "open comments", "<!--" },
        { "stray brackets", "<<<" },
        { "entities", "&amp&" },
    };

    [Theory]
    [MemberData(nameof(Html))]
    public void Split_PathologicalHtmlTwiceAsLong_CostsAtMostTwoAndAHalfTimesTheWork(string name, string unit)
    {
        long Work(int n)
        {
            var work = new WorkCounter();
            HtmlParagraphs.Split(name == "attributes" ? "<p" + Repeat(unit, n) + ">x" : Repeat(unit, n), work);
            return work.Steps;
        }

        AssertLinear(Work(N), Work(2 * N));
    }

    [Fact]
    public void Split_TwentyThousandNestedDivs_ReadsTheTextAtTheBottom()
    {
        var html = Repeat("<div>", N) + "deep" + Repeat("</div>", N);

        Assert.Equal(["deep"], HtmlParagraphs.Split(html));
    }

    public static TheoryData<string, string> Markdown => new()
    {
        // Each paragraph as much markup as the budget allows, paragraph after paragraph.
        { "links left open", Repeat("[a](", 100) + "\n\n" },
        { "emphasis runs", Repeat("*a **a ", 50) + "\n\n" },
        { "brackets", Repeat("[", 100) + "\n\n" },
        { "a long run of stars", new string('*', 5_000) + " x\n\n" },
        { "quotes nested to the limit", Repeat(">", 32) + " x\n" },
        { "lists nested to the limit", Repeat("- ", 32) + "x\n" },
        { "lazy lines under a deep list", Repeat("- ", 30) + "x\nlazy\nlazy\n" },
    };

    [Theory]
    [MemberData(nameof(Markdown))]
    public void Read_PathologicalMarkdownTwiceAsLong_IsReadAndCostsAtMostTwoAndAHalfTimesTheWork(string name, string unit)
    {
        long Work(int n)
        {
            var work = new WorkCounter();
            var result = ArticleFileReader.Read("a.md", Encoding.UTF8.GetBytes("# " + name + "\n\n" + Repeat(unit, n)), ArticleFiles.Received, work);
            Assert.True(result is ArticleReadResult.Success, (result as ArticleReadResult.Failure)?.Reason);
            return work.Steps;
        }

        var units = Math.Max(1, 200_000 / unit.Length);
        AssertLinear(Work(units), Work(2 * units));
    }

    [Theory]
    [InlineData("[a](", "markdown paragraph at line 3 holds more than 100 emphasis, link or code markers")]
    [InlineData("*a ", "markdown paragraph at line 3 holds more than 100 emphasis, link or code markers")]
    [InlineData("[", "markdown paragraph at line 3 holds more than 100 emphasis, link or code markers")]
    [InlineData("<a ", "markdown paragraph at line 3 holds more than 100 emphasis, link or code markers")]
    public void Read_OneParagraphOfMarkupRuns_IsRefusedBeforeMarkdigSeesIt(string unit, string reason) =>
        Assert.Equal(reason, ArticleFiles.Reject("a.md", "# T\n\n" + Repeat(unit, N)));

    [Fact]
    public void Read_MarkdownNestedByIndentation_IsRefused() =>
        Assert.Equal(
            "markdown line 67 is nested more than 32 levels deep",
            ArticleFiles.Reject("a.md", "# T\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- a\n"))));

    [Fact]
    public void Read_MarkupInsideACodeFence_IsNotCountedAgainstTheBudget()
    {
        var article = ArticleFiles.Read("a.md", "# T\n\n```\n" + Repeat("[*_", 500) + "\n```\n\nafter");

        Assert.Equal([Repeat("[*_", 500), "after"], article.Paragraphs);
    }

    [Fact]
    public void Read_MarkdownBodyOverTheSizeLimit_IsRefused() =>
        Assert.Equal(
            $"markdown body is {MarkdownBudget.MaxChars + 1} characters; the limit is {MarkdownBudget.MaxChars}",
            ArticleFiles.Reject("a.md", "# T\n" + new string('x', MarkdownBudget.MaxChars - 3)));

    [Fact]
    public void Read_FrontMatterBillionLaughs_IsReadWithoutExpandingTheAliases()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++) yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var work = new WorkCounter();

        var result = ArticleFileReader.Read("a.md", Encoding.UTF8.GetBytes("---\ntitle: T\n" + yaml + "tags: *a9\n---\nbody"), ArticleFiles.Received, work);

        Assert.Equal("field \"tags\" must be a list of strings or a string", ArticleFiles.Failure(result));
        Assert.True(work.Steps < 10_000, $"{work.Steps} steps");
    }

    [Fact]
    public void Read_FrontMatterWithTooManyValues_IsRefused() =>
        Assert.Equal(
            $"front matter: more than {FrontMatterReader.MaxEvents} values",
            ArticleFiles.Reject("a.md", "---\ntitle: T\ntags: [" + Repeat("a,", 12_000) + "]\n---\nbody"));

    [Fact]
    public void Read_TextWhoseLastLineIsLongWhiteSpace_IsReadWithoutTheSourcePattern()
    {
        var last = "Source: a" + new string(' ', 50_000) + "b";
        var work = new WorkCounter();

        var result = ArticleFileReader.Read("a.txt", Encoding.UTF8.GetBytes("T\n\nbody\n" + last), ArticleFiles.Received, work);

        Assert.Equal(["body\n" + last], ArticleFiles.Success(result).Paragraphs);
        Assert.Null(ArticleFiles.Success(result).Source);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("0.91")]
    public void Read_FeedWithAnItemExtensionNestedDeep_IsRefusedAfterOnePass(string version)
    {
        var document = $"<rss version=\"{version}\"><channel><title>t</title><item><title>a</title><x:a xmlns:x=\"urn:x\">"
            + Repeat("<x:a>", N) + Repeat("</x:a>", N) + "</x:a></item></channel></rss>";
        var work = new WorkCounter();

        var result = FeedReader.Read(Encoding.UTF8.GetBytes(document), null, new Uri("https://example.org/feed.xml"), ArticleFiles.Received, work);

        Assert.Equal(new FeedReadResult.Failure($"not a feed this bot reads: elements nested more than {FeedReader.MaxDepth} deep"), result);
        Assert.True(work.Steps <= FeedReader.MaxDepth + 10, $"{work.Steps} steps");
    }

    [Fact]
    public void Read_FeedWithTwiceAsManyItems_CostsAtMostTwoAndAHalfTimesTheWork()
    {
        long Work(int items)
        {
            var document = "<rss version=\"2.0\"><channel><title>t</title>"
                + Repeat("<item><title>a</title><description>&lt;div&gt;&lt;b&gt;x</description></item>", items) + "</channel></rss>";
            var work = new WorkCounter();
            Assert.IsType<FeedReadResult.Success>(FeedReader.Read(Encoding.UTF8.GetBytes(document), null, new Uri("https://example.org/feed.xml"), ArticleFiles.Received, work));
            return work.Steps;
        }

        AssertLinear(Work(2_000), Work(4_000));
    }

    private static void AssertLinear(long single, long doubled) =>
        Assert.True(doubled <= 2.5 * single, $"twice the input cost {doubled} steps against {single}");

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));
}
