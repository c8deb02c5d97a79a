using System.Text;
using Bot.Core.Articles;
using Bot.Core.Articles.Feeds;
using Xunit;

namespace Bot.Core.Tests.Articles.Feeds;

public sealed class FeedReaderTests
{
    private static readonly Uri FeedUrl = new("https://news.example.org/feed.xml?key=secret");
    private static readonly DateTimeOffset Received = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Read_Rss20ArabicCdataDescription_IsTheExactArticle()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
              <channel>
                <title>قدس برس</title>
                <link>https://news.example.org/</link>
                <language>ar</language>
                <description>أخبار</description>
                <item>
                  <title>مؤتمرون بإسطنبول يعلنون 2023 &quot;عام القدس&quot;</title>
                  <link>https://news.example.org/2023/12/quds</link>
                  <guid isPermaLink="false">qudspress-2023-12-1</guid>
                  <pubDate>Tue, 05 Dec 2023 14:30:00 +0300</pubDate>
                  <category>القدس</category>
                  <category>مؤتمرات</category>
                  <description><![CDATA[<p>أعلن المؤتمرون في <b>إسطنبول</b>، أن عام 2023 هو &laquo;عام القدس&raquo;.</p><p>وقال المتحدث:<br>"القدس أولًا"</p>]]></description>
                </item>
              </channel>
            </rss>
            """;

        var article = Single(rss);

        Assert.Equal("qudspress-2023-12-1", article.Key);
        Assert.Equal("مؤتمرون بإسطنبول يعلنون 2023 \"عام القدس\"", article.Title);
        Assert.Equal(["أعلن المؤتمرون في إسطنبول، أن عام 2023 هو «عام القدس».", "وقال المتحدث:", "\"القدس أولًا\""], article.Paragraphs);
        Assert.Null(article.Summary);
        Assert.Equal("https://news.example.org/2023/12/quds", article.Url);
        Assert.Equal(new DateTimeOffset(2023, 12, 5, 11, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(["القدس", "مؤتمرات"], article.Tags);
        Assert.Equal("قدس برس", article.Source);
        Assert.Equal("ar", article.Language);
        Assert.Equal(TextDirection.Rtl, article.Direction);
        Assert.Equal(Received, article.Received);
    }

    [Fact]
    public void Read_Rss20ContentEncodedAndImageEnclosure_BodyFromContentSummaryFromDescription()
    {
        const string rss = """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Desk</title>
                <item>
                  <title>Tom &amp;amp; Jerry &amp;#8212; again</title>
                  <link>/news/1</link>
                  <description>Short &amp;amp; sweet</description>
                  <content:encoded><![CDATA[<p>First</p><ul><li>one</li><li>two</li></ul>]]></content:encoded>
                  <dc:creator>Amal</dc:creator>
                  <enclosure url="https://cdn.example.org/1.jpg" type="image/jpeg" length="10"/>
                </item>
              </channel>
            </rss>
            """;

        var article = Single(rss);

        Assert.Equal("Tom & Jerry — again", article.Title);
        Assert.Equal("https://news.example.org/news/1", article.Key);
        Assert.Equal("https://news.example.org/news/1", article.Url);
        Assert.Equal(["First", "• one", "• two"], article.Paragraphs);
        Assert.Equal("Short & sweet", article.Summary);
        Assert.Equal("Amal", article.Author);
        Assert.Equal("https://cdn.example.org/1.jpg", article.Image);
        Assert.Equal("en", article.Language);
        Assert.Null(article.Published);
    }

    [Fact]
    public void Read_Atom10EntryWithHtmlContent_IsTheExactArticle()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-GB">
              <title>Atom desk</title>
              <id>urn:feed</id>
              <updated>2024-03-01T10:00:00Z</updated>
              <entry>
                <id>tag:example.org,2024:entry-7</id>
                <title type="html">Rates &lt;em&gt;held&lt;/em&gt;</title>
                <updated>2024-03-01T10:00:00Z</updated>
                <published>2024-02-29T08:15:00+01:00</published>
                <link rel="self" href="https://example.org/api/7"/>
                <link rel="alternate" type="text/html" href="https://example.org/news/7"/>
                <author><name>Sam Writer</name></author>
                <category term="economy"/>
                <summary>The bank kept rates.</summary>
                <content type="html">&lt;h2&gt;Decision&lt;/h2&gt;&lt;p&gt;The bank &amp;amp; its board&amp;nbsp;met.&lt;/p&gt;</content>
                <media:thumbnail url="https://example.org/7-small.jpg"/>
              </entry>
            </feed>
            """;

        var article = Single(atom);

        Assert.Equal("tag:example.org,2024:entry-7", article.Key);
        Assert.Equal("Rates held", article.Title);
        Assert.Equal(["Decision", "The bank & its board met."], article.Paragraphs);
        Assert.Equal("The bank kept rates.", article.Summary);
        Assert.Equal("https://example.org/news/7", article.Url);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 7, 15, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Sam Writer", article.Author);
        Assert.Equal(["economy"], article.Tags);
        Assert.Equal("https://example.org/7-small.jpg", article.Image);
        Assert.Equal("Atom desk", article.Source);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Read_KeyRules_GuidElseLinkElseSourceAndTitle()
    {
        const string rss = """
            <rss version="2.0"><channel><title>Desk</title>
              <item><title>Only title</title></item>
              <item><title>Linked</title><link>https://example.org/b</link></item>
              <item><title>Guid and link</title><link>https://example.org/a</link><guid>https://example.org/?p=1</guid></item>
            </channel></rss>
            """;

        var articles = Articles(rss);

        Assert.Equal(
            ["https://example.org/?p=1", "https://example.org/b", ArticleFingerprint.KeyFromSourceAndTitle("Desk", "Only title")],
            articles.Select(a => a.Key));
    }

    [Fact]
    public void Read_ItemsNewestFirst_ComeBackOldestFirst()
    {
        const string rss = """
            <rss version="2.0"><channel><title>Desk</title>
              <item><title>Third</title><guid>3</guid><pubDate>Wed, 03 Jan 2024 00:00:00 GMT</pubDate></item>
              <item><title>Second</title><guid>2</guid><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate></item>
              <item><title>First</title><guid>1</guid><pubDate>not a date</pubDate></item>
            </channel></rss>
            """;

        var articles = Articles(rss);

        Assert.Equal(["First", "Second", "Third"], articles.Select(a => a.Title));
        Assert.Null(articles[0].Published);
    }

    [Fact]
    public void Read_ItemWithoutTitleOrText_IsSkippedAndTheRestRead()
    {
        const string rss = """
            <rss version="2.0"><channel><title>Desk</title>
              <item><guid>empty-1</guid><description><![CDATA[<script>x()</script>]]></description></item>
              <item><description>A body without a title that goes on for a while.</description></item>
            </channel></rss>
            """;

        var entries = Entries(rss);

        var skipped = Assert.IsType<FeedEntry.Skipped>(entries[1]);
        Assert.Equal("empty-1", skipped.Item);
        var read = Assert.IsType<FeedEntry.Read>(entries[0]);
        Assert.Equal("A body without a title that goes on for a while.", read.Article.Title);
    }

    [Fact]
    public void Read_ItemLinkingToJavascriptOrDataImage_IsSkippedWithTheReasonAndTheRestRead()
    {
        const string rss = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Desk</title>
              <item><guid>bad-link</guid><title>Click</title><link>javascript:alert(document.cookie)</link><description>Text.</description></item>
              <item><guid>bad-image</guid><title>Look</title><link>https://news.example.org/2</link><description>Text.</description>
                <media:content url="data:image/svg+xml;base64,PHN2Zz4=" medium="image"/></item>
              <item><guid>fine</guid><title>Fine</title><link>https://news.example.org/3</link><description>Text.</description></item>
            </channel></rss>
            """;

        var entries = Entries(rss);

        var skipped = entries.OfType<FeedEntry.Skipped>().OrderBy(s => s.Item, StringComparer.Ordinal).ToList();
        Assert.Equal(["bad-image", "bad-link"], skipped.Select(s => s.Item));
        Assert.Equal("field \"image\" must be an absolute http(s) URL, not \"data:image/svg+xml;base64,PHN2Zz4=\"", skipped[0].Reason);
        Assert.Equal("field \"url\" must be an absolute http(s) URL, not \"javascript:alert(document.cookie)\"", skipped[1].Reason);
        Assert.Equal("fine", Assert.Single(entries.OfType<FeedEntry.Read>()).Article.Key);
    }

    [Theory]
    [InlineData("<html><body><p>Not a feed</p></body></html>")]
    [InlineData("{\"items\": []}")]
    [InlineData("<rss version=\"2.0\"><channel><title>cut")]
    public void Read_NotAFeed_IsAFailureWithAReason(string document)
    {
        var result = FeedReader.Read(Encoding.UTF8.GetBytes(document), null, FeedUrl, Received);

        var failure = Assert.IsType<FeedReadResult.Failure>(result);
        Assert.DoesNotContain('\n', failure.Reason);
        Assert.NotEmpty(failure.Reason);
    }

    [Fact]
    public void Read_Windows1256DeclaredInTheDocument_ArabicComesThroughIntact()
    {
        var bytes = Windows1256("<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>قدس برس</title><item><title>عام القدس</title><description>نص الخبر</description></item></channel></rss>");

        var article = Single(bytes, charset: null);

        Assert.Equal("عام القدس", article.Title);
        Assert.Equal(["نص الخبر"], article.Paragraphs);
        Assert.Equal("ar", article.Language);
    }

    [Fact]
    public void Read_NoDeclaredEncoding_TakesTheHttpCharset()
    {
        var bytes = Windows1256("<rss version=\"2.0\"><channel><title>قدس برس</title><item><title>عام القدس</title><description>نص</description></item></channel></rss>");

        var article = Single(bytes, charset: "windows-1256");

        Assert.Equal("عام القدس", article.Title);
        Assert.Equal("قدس برس", article.Source);
    }

    [Fact]
    public void Read_Rss091_IsReadAsRss20()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old desk</title><language>en-us</language>
              <item><title>Old news</title><link>https://example.org/old</link><description>Still news.</description></item>
            </channel></rss>
            """;

        var article = Single(rss);

        Assert.Equal("https://example.org/old", article.Key);
        Assert.Equal(["Still news."], article.Paragraphs);
        Assert.Equal("Old desk", article.Source);
    }

    [Fact]
    public void Read_Rss10Rdf_ItemsBecomeArticles()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/"><title>RDF desk</title><link>https://example.org/</link><description>d</description><dc:language>ar</dc:language></channel>
              <item rdf:about="https://example.org/r/1">
                <title>خبر</title><link>https://example.org/r/1</link><description>&lt;p&gt;نص&lt;/p&gt;</description>
                <dc:date>2024-01-02T03:04:05Z</dc:date><dc:subject>سياسة</dc:subject><dc:creator>سارة</dc:creator>
              </item>
            </rdf:RDF>
            """;

        var article = Single(rdf);

        Assert.Equal("https://example.org/r/1", article.Key);
        Assert.Equal("خبر", article.Title);
        Assert.Equal(["نص"], article.Paragraphs);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), article.Published);
        Assert.Equal(["سياسة"], article.Tags);
        Assert.Equal("سارة", article.Author);
        Assert.Equal("RDF desk", article.Source);
        Assert.Equal("ar", article.Language);
    }

    private static byte[] Windows1256(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("windows-1256").GetBytes(text);
    }

    private static Article Single(byte[] bytes, string? charset) =>
        Assert.IsType<FeedEntry.Read>(Assert.Single(Assert.IsType<FeedReadResult.Success>(FeedReader.Read(bytes, charset, FeedUrl, Received)).Entries)).Article;

    private static Article Single(string xml) => Assert.Single(Articles(xml));

    private static List<Article> Articles(string xml) =>
        [.. Entries(xml).Select(e => Assert.IsType<FeedEntry.Read>(e).Article)];

    private static IReadOnlyList<FeedEntry> Entries(string xml)
    {
        var result = FeedReader.Read(Encoding.UTF8.GetBytes(xml), null, FeedUrl, Received);
        if (result is FeedReadResult.Failure failure) Assert.Fail(failure.Reason);
        return Assert.IsType<FeedReadResult.Success>(result).Entries;
    }
}
