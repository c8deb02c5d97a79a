using Bot.Core.Articles.Feeds;
using Xunit;

namespace Bot.Core.Tests.Articles.Feeds;

public sealed class HtmlParagraphsTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", new[] { "One", "Two" })]
    [InlineData("Line one<br>Line two<br/><br />Line three", new[] { "Line one", "Line two", "Line three" })]
    [InlineData("<div>Outer <span>inline</span> text<div>Inner</div>tail</div>", new[] { "Outer inline text", "Inner", "tail" })]
    [InlineData("<ul><li>a</li><li><p>b</p></li></ul><ol start=\"3\"><li>c</li><li>d</li></ol>", new[] { "• a", "b", "3. c", "4. d" })]
    [InlineData("<p>Tom &amp; Jerry &lt;3 &quot;cheese&quot; &#8212; &eacute;t&eacute;&nbsp;!</p>", new[] { "Tom & Jerry <3 \"cheese\" — été !" })]
    [InlineData("<p>Kept</p><script>alert('x')</script><style>p{color:red}</style><p>Also kept</p>", new[] { "Kept", "Also kept" })]
    [InlineData("<p>  spaced\n\t out  </p>", new[] { "spaced out" })]
    [InlineData("<h2>Heading</h2>Text after", new[] { "Heading", "Text after" })]
    [InlineData("plain text, no tags", new[] { "plain text, no tags" })]
    [InlineData("<p>أعلن <b>المؤتمرون</b> &laquo;عام القدس&raquo;</p>", new[] { "أعلن المؤتمرون «عام القدس»" })]
    [InlineData("", new string[0])]
    public void Split_Html_GivesPlainParagraphs(string html, string[] expected) =>
        Assert.Equal(expected, HtmlParagraphs.Split(html));

    [Fact]
    public void Split_DeeplyNestedHtml_DoesNotOverflowTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 100_000)) + "deep";

        Assert.Equal(["deep"], HtmlParagraphs.Split(html));
    }
}
