using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramHtmlValidatorTests
{
    [Theory]
    [InlineData("<b>bold</b> &lt;x&gt; &amp; &quot;q&quot;", "bold <x> & \"q\"")]
    [InlineData("<strong>a</strong><i>b</i><em>c</em><u>d</u><ins>e</ins><s>f</s><strike>g</strike><del>h</del>", "abcdefgh")]
    [InlineData("<tg-spoiler>s</tg-spoiler> <span class=\"tg-spoiler\">t</span>", "s t")]
    [InlineData("<a href=\"https://example.org/?a=1&amp;b=2\">link</a>", "link")]
    [InlineData("<pre><code class=\"language-csharp\">var x;</code></pre> <code>y</code>", "var x; y")]
    [InlineData("<blockquote>q</blockquote><blockquote expandable>r</blockquote>", "qr")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>", "👍")]
    [InlineData("<tg-time unix=\"1700000000\" format=\"wDT\">time</tg-time>", "time")]
    [InlineData("<B>upper</B>", "upper")]
    [InlineData("&nbsp;&apos;&rsquo;", "&nbsp;&apos;&rsquo;")]
    [InlineData("&#1575;&#x627;&#X627;", "اا&#X627;")]
    [InlineData("&amp &lt", "& <")]
    [InlineData("AT&T", "AT&T")]
    [InlineData("  a\r\nb\t \n", "a\nb")]
    [InlineData("<b>مرحبا</b> بالعالم", "مرحبا بالعالم")]
    [InlineData("<b>a<i>b</i></b>", "ab")]
    [InlineData("<b>x</>", "x")]
    public void Parse_ValidHtml_PlainTextAsSubscribersSeeIt(string html, string expected)
    {
        var result = TelegramHtmlValidator.Parse(html);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Text);
    }

    [Theory]
    [InlineData("line<br>break", "Unsupported start tag \"br\" at byte offset 4")]
    [InlineData("<p>para</p>", "Unsupported start tag \"p\" at byte offset 0")]
    [InlineData("مرحبا <div>x</div>", "Unsupported start tag \"div\" at byte offset 11")]
    [InlineData("a < b", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("1 <2 apples", "Unsupported start tag \"2\" at byte offset 2")]
    [InlineData("trailing <", "Unclosed start tag at byte offset 9")]
    [InlineData("<b", "Unclosed start tag at byte offset 0")]
    [InlineData("<!-- c -->", "Unsupported start tag \"!--\" at byte offset 0")]
    [InlineData("<b>open", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("<b>a<i>b</b></i>", "Unmatched end tag at byte offset 8, expected \"</i>\", found \"</b>\"")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("<span class=\"other\">x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("<a href>x</a>", "Expected equal sign in declaration of an attribute of the tag \"a\" at byte offset 0")]
    [InlineData("<b =x>y</b>", "Empty attribute name in the tag \"b\" at byte offset 0")]
    [InlineData("<a href=a/b>x</a>", "Unexpected end of name token at byte offset 8")]
    [InlineData("<b>x</b junk>", "Unclosed end tag at byte offset 4")]
    [InlineData("<tg-emoji emoji-id=\"abc\">x</tg-emoji>", "Invalid custom emoji identifier specified")]
    public void Parse_InvalidHtml_TelegramsErrorText(string html, string expected)
    {
        var result = TelegramHtmlValidator.Parse(html);

        Assert.Equal(expected, result.Error);
        Assert.Equal("Bad Request: can't parse entities: " + expected, result.Description);
    }

    [Fact]
    public void Parse_Entities_Utf16OffsetsOfTheVisibleText()
    {
        var result = TelegramHtmlValidator.Parse("😀 <b>عاجل</b> <a href=\"https://example.org\">رابط</a>");

        Assert.Equal(
            [new TelegramHtmlEntity("bold", 3, 4), new TelegramHtmlEntity("text_link", 8, 4, "https://example.org")],
            result.Entities);
    }

    [Fact]
    public void CodePoints_CountsRunesNotUtf16Units() =>
        Assert.Equal(3, TelegramHtmlValidator.Parse("a😀b").CodePoints);
}
