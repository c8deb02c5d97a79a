using CsCheck;

namespace Bot.Core.Tests.Articles;

/// <summary>
/// Structured random article inputs: each shape's text built from a grammar of its own markup (tags, delimiters,
/// brackets, anchors, entities) mixed with words, white space and stray bytes, so the parsers meet unbalanced and
/// half-valid markup, not only noise.
/// </summary>
internal static class ArticleInputGen
{
    private static readonly string[] Words = ["القدس", "news", "2023", "كلمة", "x", "AT&T", "\"q\"", "'", "é", "🇵🇸", "\u200F", "a_b", "1.5"];

    private static readonly string[] Space = [" ", " ", "\n", "\n\n", "\t", "\r\n", "  ", "    "];

    private static readonly string[] MarkdownMarkup =
    [
        "*", "**", "***", "_", "__", "[", "]", "](", ")", "![", "`", "```", "~~~", "<", ">", "> ", "- ", "+ ", "* ", "1. ", "2) ",
        "# ", "## ", "---", "===", "\\", "&amp;", "&#x41;", "&", "<b>", "</b>", "<div>", "</div>", "<!--", "-->", "[a]: /u",
        "<http://x>", "|", "    ", "\n---\n", "\n\n",
    ];

    private static readonly string[] HtmlMarkup =
    [
        "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "</br>", "<ul>", "</ul>", "<ol start=\"3\">", "<ol start=x>", "</ol>", "<li>", "</li>",
        "<pre>", "</pre>", "<b>", "</b>", "<i id=1 class=a>", "<script>", "</script>", "<style>", "</style>", "<svg/>", "<svg>", "</svg>",
        "<table>", "<td>", "<tr>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&laquo;", "&#1575;", "&#x;", "&", "<", ">", "</", "<a href='",
        "'>", "<title>", "</title>", "<head>", "<textarea>", "<plaintext>", "<!DOCTYPE html>", "<h1>", "</h1>", "<img src=x>", "\"",
    ];

    private static readonly string[] YamlMarkup =
    [
        "title: ", "tags: ", "id: ", "published: ", "language: ", "retracted: ", "summary: ", "url: ", "[", "]", "{", "}", ", ", ": ", "- ",
        "&a ", "*a", "&b [*a, *a]", "!!str ", "!tag ", "? ", "|", ">", "'", "\"", "\\", "#", "~", "null", "true", "maybe", "2024-05-01",
        "2024-13-45", "ar", "xx-yy-zz", "...", "%YAML 1.2", "\n  ", "\n- ",
    ];

    private static readonly string[] JsonMarkup =
    [
        "{", "}", "[", "]", ",", ":", "\"title\"", "\"body\"", "\"tags\"", "\"id\"", "\"published\"", "\"retracted\"", "\"language\"",
        "\"x\"", "\"\\u0627\"", "\"\\n\\n\"", "\"\\", "1", "-0.5e3", "true", "false", "null", "/* c */", "// c\n", "\"2024-05-01\"",
    ];

    private static readonly string[] FeedMarkup =
    [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<rss version=\"2.0\">", "<rss version=\"0.91\">", "</rss>", "<channel>", "</channel>",
        "<item>", "</item>", "<title>", "</title>", "<description>", "</description>", "<link>", "</link>", "<guid>", "</guid>",
        "<pubDate>", "</pubDate>", "Tue, 05 Dec 2023 14:30:00 +0300", "<category>", "</category>", "<![CDATA[", "]]>", "&lt;p&gt;",
        "&amp;", "&bogus;", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>", "</entry>", "<id>", "</id>",
        "<content type=\"html\">", "<content type=\"xhtml\">", "</content>", "<summary>", "</summary>", "<updated>", "2024-05-01T09:00:00Z",
        "</updated>", "<link href=\"/a\"/>", "<link rel=\"enclosure\" type=\"image/png\" href=\"x.png\"/>",
        "<content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">", "</content:encoded>",
        "<media:content xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"%%\" medium=\"image\"/>", "<language>", "</language>",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">", "</rdf:RDF>",
        "<!DOCTYPE rss SYSTEM \"x.dtd\">", "<", ">", "\"",
    ];

    public static readonly Gen<string> Markdown = Text(MarkdownMarkup).Select(FrontMatter(), (body, front) => front + body);

    public static readonly Gen<string> Html = Text(HtmlMarkup);

    public static readonly Gen<string> Json = Text(JsonMarkup).Select(t => Gen.OneOf(Gen.Const(t), Gen.Const("{\"title\":\"T\",\"body\":" + t + "}"))).SelectMany(g => g);

    public static readonly Gen<string> Feed = Text(FeedMarkup);

    public static readonly Gen<string> PlainText = Text(["Source: ", "المصدر: ", "\n", "\n\n", "\u200E", "Source:", "\f", "\u0001"]);

    /// <summary>Any bytes at all, for the decoder in front of every shape.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 400];

    private static Gen<string> FrontMatter() =>
        Gen.Frequency(
            (1, Gen.Const("")),
            (3, Text(YamlMarkup).Select(yaml => "---\n" + yaml + "\n---\n")),
            (1, Text(YamlMarkup).Select(yaml => "---\n" + yaml)));

    private static Gen<string> Text(string[] markup) =>
        Gen.Frequency(
                (4, Gen.OneOf(markup)),
                (3, Gen.OneOf(Words)),
                (2, Gen.OneOf(Space)),
                (1, Gen.Select(Gen.OneOf(markup), Gen.Int[2, 40]).Select(r => string.Concat(Enumerable.Repeat(r.Item1, r.Item2)))),
                (1, Gen.Char.Select(c => c.ToString())))
            .Array[0, 80]
            .Select(string.Concat);
}
