using Bot.Core.Articles;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class MarkdownArticleTests
{
    [Fact]
    public void Read_FullFrontMatter_FillsEveryField()
    {
        const string text = """
            ---
            id: qp-2023-12-23-istanbul
            title: "Istanbul conference names 2023 a year of good tidings"
            url: https://example.org/news/1
            image: https://example.org/img/1.jpg
            summary: The 13th session closed on Friday.
            tags: [Jerusalem, Conferences]
            category: World
            language: en
            published: 2023-12-23T18:30:00+03:00
            source: Quds Press
            author: Desk
            retracted: false
            ---
            The conference closed on *Friday* in **Istanbul**.
            """;

        var article = ArticleFiles.Read("a.md", text);

        Assert.Equal("qp-2023-12-23-istanbul", article.Key);
        Assert.Equal("Istanbul conference names 2023 a year of good tidings", article.Title);
        Assert.Equal("https://example.org/news/1", article.Url);
        Assert.Equal("https://example.org/img/1.jpg", article.Image);
        Assert.Equal("The 13th session closed on Friday.", article.Summary);
        Assert.Equal(["Jerusalem", "Conferences"], article.Tags);
        Assert.Equal("World", article.Category);
        Assert.Equal("en", article.Language);
        Assert.Equal(TextDirection.Ltr, article.Direction);
        Assert.Equal(new DateTimeOffset(2023, 12, 23, 15, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(TimeSpan.Zero, article.Published!.Value.Offset);
        Assert.Equal("Quds Press", article.Source);
        Assert.Equal("Desk", article.Author);
        Assert.False(article.Retracted);
        Assert.Equal(["The conference closed on Friday in Istanbul."], article.Paragraphs);
    }

    [Fact]
    public void Read_TagsAsCommaSeparatedString_SplitsAndTrims()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: T\ntags: \"القدس,  مؤتمرات , ,Istanbul\"\n---\nBody.");

        Assert.Equal(["القدس", "مؤتمرات", "Istanbul"], article.Tags);
    }

    [Fact]
    public void Read_TagsAsBlockList_KeepsOrder()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: T\ntags:\n  - one\n  - two words\n---\nBody.");

        Assert.Equal(["one", "two words"], article.Tags);
    }

    [Fact]
    public void Read_PublishedBareDate_IsMidnightUtc()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: T\npublished: 2023-12-23\n---\nBody.");

        Assert.Equal(new DateTimeOffset(2023, 12, 23, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Read_PublishedDateTimeWithoutOffset_IsTakenAsUtc()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: T\npublished: 2023-12-23T18:30:05Z\n---\nBody.");

        Assert.Equal(new DateTimeOffset(2023, 12, 23, 18, 30, 5, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Read_RetractedTrue_MarksArticleRetracted()
    {
        var article = ArticleFiles.Read("a.md", "---\nid: x-1\ntitle: T\nretracted: true\n---\nBody.");

        Assert.True(article.Retracted);
        Assert.Equal("x-1", article.Key);
    }

    [Fact]
    public void Read_JavascriptUrlInFrontMatter_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\nurl: \"javascript:alert('x')\"\n---\nBody.");

        Assert.Equal("field \"url\" must be an absolute http(s) URL, not \"javascript:alert('x')\"", reason);
    }

    [Fact]
    public void Read_ExplicitLanguageWithRegion_IsNormalisedAndOverridesDetection()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: Title in English\nlanguage: AR-eg\n---\nEnglish text only.");

        Assert.Equal("ar", article.Language);
        Assert.Equal(TextDirection.Rtl, article.Direction);
    }

    [Fact]
    public void Read_NoFrontMatter_FirstLevelOneHeadingIsTitleNotParagraph()
    {
        const string text = """
            # عنوان الخبر

            ## خلفية

            فقرة أولى فيها [رابط](https://example.org) و`رمز`.
            """;

        var article = ArticleFiles.Read("a.md", text);

        Assert.Equal("عنوان الخبر", article.Title);
        Assert.Equal(["خلفية", "فقرة أولى فيها رابط ورمز."], article.Paragraphs);
        Assert.Equal("ar", article.Language);
        Assert.Equal(TextDirection.Rtl, article.Direction);
        Assert.Equal(ArticleFingerprint.KeyFromSourceAndTitle(null, "عنوان الخبر"), article.Key);
    }

    [Fact]
    public void Read_FrontMatterTitle_KeepsLevelOneHeadingAsParagraph()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: From front matter\n---\n# Heading\n\nText.");

        Assert.Equal("From front matter", article.Title);
        Assert.Equal(["Heading", "Text."], article.Paragraphs);
    }

    [Fact]
    public void Read_BlocksOfEveryKind_BecomePlainParagraphs()
    {
        const string text = """
            # Title

            A *soft*
            line break and __strong__ text with <https://example.org/auto> &amp; an entity.

            - first item
            - second **item**
              - nested item

            1. step one
            2. step two

            > “Quoted” words.
            >
            > Second quoted paragraph.

            ---

                code block line

            <div>raw html is dropped</div>

            Last.
            """;

        var article = ArticleFiles.Read("a.md", text);

        Assert.Equal(
            [
                "A soft\nline break and strong text with https://example.org/auto & an entity.",
                "• first item",
                "• second item",
                "• nested item",
                "1. step one",
                "2. step two",
                "“Quoted” words.",
                "Second quoted paragraph.",
                "code block line",
                "Last.",
            ],
            article.Paragraphs);
    }

    [Fact]
    public void Read_CrlfFrontMatterAndBody_IsRead()
    {
        var article = ArticleFiles.Read("a.md", "---\r\ntitle: T\r\nsource: S\r\n---\r\nOne\r\ntwo.\r\n\r\nThree.\r\n");

        Assert.Equal("T", article.Title);
        Assert.Equal("S", article.Source);
        Assert.Equal(["One\ntwo.", "Three."], article.Paragraphs);
    }

    [Fact]
    public void Read_UrlWithoutId_KeysByUrl()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: T\nurl: https://example.org/a\nsource: S\n---\nBody.");

        Assert.Equal("https://example.org/a", article.Key);
    }

    [Fact]
    public void Read_EmptyAndNullValues_AreAbsent()
    {
        var article = ArticleFiles.Read("a.md", "---\ntitle: T\nimage:\nauthor: ~\nsummary: \"  \"\ntags:\n---\nBody.");

        Assert.Null(article.Image);
        Assert.Null(article.Author);
        Assert.Null(article.Summary);
        Assert.Empty(article.Tags);
    }

    [Fact]
    public void Read_UnclosedFrontMatter_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\n\nBody.");

        Assert.Equal("front matter: no closing \"---\" line", reason);
    }

    [Fact]
    public void Read_InvalidYaml_IsRejectedWithFileLineAndColumn()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\nsource: Quds\n  bad: indent\n---\nBody.");

        Assert.Equal("front matter: (line 4, col 6) While scanning a plain scalar value, found invalid mapping.", reason);
    }

    [Fact]
    public void Read_UnclosedQuoteInYaml_IsRejectedWithFileLine()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: \"unclosed\n---\nBody.");

        Assert.Equal("front matter: (line 2, col 8) While scanning a quoted scalar, found unexpected end of stream.", reason);
    }

    [Fact]
    public void Read_DuplicateKeyInYaml_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\ntitle: U\n---\nBody.");

        Assert.Equal("front matter: (line 3, col 1) Duplicate key title", reason);
    }

    [Fact]
    public void Read_UnclosedFlowListFollowedByKey_IsRejectedNotThrown()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\ntags: [a, b\nsource: S\n---\nBody.");

        Assert.Equal("front matter: invalid YAML (is a bracket or quote left open?)", reason);
    }

    [Fact]
    public void Read_MultiLinePublishedValue_IsQuotedOnOneLine()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\npublished: \"2023\\nDecember\"\n---\nBody.");

        Assert.Equal("field \"published\" must be an ISO 8601 date or date-time, not \"2023 December\"", reason);
    }

    [Fact]
    public void Read_FrontMatterThatIsAList_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\n- title\n- T\n---\nBody.");

        Assert.Equal("front matter: must be a mapping of keys to values, found a list", reason);
    }

    [Fact]
    public void Read_TagsAsMapping_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\ntags:\n  a: b\n---\nBody.");

        Assert.Equal("field \"tags\" must be a list of strings or a string", reason);
    }

    [Fact]
    public void Read_TitleAsList_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: [a, b]\n---\nBody.");

        Assert.Equal("field \"title\" must be a string", reason);
    }

    [Fact]
    public void Read_PublishedNotADate_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\npublished: last Friday\n---\nBody.");

        Assert.Equal("field \"published\" must be an ISO 8601 date or date-time, not \"last Friday\"", reason);
    }

    [Fact]
    public void Read_RetractedNotABoolean_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\nretracted: maybe\n---\nBody.");

        Assert.Equal("field \"retracted\" must be true or false", reason);
    }

    [Fact]
    public void Read_LanguageNotATag_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\nlanguage: Arabic\n---\nBody.");

        Assert.Equal("field \"language\" must be a language tag such as \"ar\" or \"en\", not \"Arabic\"", reason);
    }

    [Fact]
    public void Read_NoTitleAnywhere_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "## Only a subheading\n\nBody.");

        Assert.Equal("no title: give \"title\" in the front matter or start the body with a \"# heading\"", reason);
    }

    [Fact]
    public void Read_TitleButNoBody_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\ntitle: T\n---\n\n---\n");

        Assert.Equal("no body: the file has a title but no paragraphs", reason);
    }

    [Fact]
    public void Read_FrontMatterThatIsASingleValue_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.md", "---\njust a sentence\n---\n# T\n\nBody.");

        Assert.Equal("front matter: must be a mapping of keys to values, found a single value", reason);
    }

    [Fact]
    public void Read_EmptyFrontMatter_FallsBackToHeadingTitle()
    {
        var article = ArticleFiles.Read("a.md", "---\n---\n# Heading title\n\nBody.");

        Assert.Equal("Heading title", article.Title);
        Assert.Equal(["Body."], article.Paragraphs);
    }

    [Fact]
    public void Read_SetextHeadingAndMarkdownExtension_HeadingIsTitle()
    {
        var article = ArticleFiles.Read("news.markdown", "Underlined title\n================\n\nBody *text*.");

        Assert.Equal("Underlined title", article.Title);
        Assert.Equal(["Body text."], article.Paragraphs);
    }
}
