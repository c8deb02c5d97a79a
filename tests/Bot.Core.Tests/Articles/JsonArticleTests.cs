using Bot.Core.Articles;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class JsonArticleTests
{
    [Fact]
    public void Read_FullObjectWithBodyList_FillsEveryField()
    {
        const string text = """
            {
              // the desk's export adds comments and trailing commas
              "id": "qp-1",
              "title": "مؤتمرون بإسطنبول",
              "url": "https://example.org/1",
              "image": "https://example.org/1.jpg",
              "summary": "ملخص",
              "tags": ["القدس", " مؤتمرات ", ""],
              "category": "World",
              "published": "2023-12-23",
              "source": "Quds Press",
              "author": "Desk",
              "retracted": true,
              "body": ["  الفقرة الأولى “بين علامتي اقتباس”.  ", "", "الفقرة\r\nالثانية."],
              "extra": {"ignored": true},
            }
            """;

        var article = ArticleFiles.Read("a.json", text);

        Assert.Equal("qp-1", article.Key);
        Assert.Equal("مؤتمرون بإسطنبول", article.Title);
        Assert.Equal("https://example.org/1", article.Url);
        Assert.Equal("https://example.org/1.jpg", article.Image);
        Assert.Equal("ملخص", article.Summary);
        Assert.Equal(["القدس", "مؤتمرات"], article.Tags);
        Assert.Equal("World", article.Category);
        Assert.Equal(new DateTimeOffset(2023, 12, 23, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Quds Press", article.Source);
        Assert.Equal("Desk", article.Author);
        Assert.True(article.Retracted);
        Assert.Equal(["الفقرة الأولى “بين علامتي اقتباس”.", "الفقرة\nالثانية."], article.Paragraphs);
        Assert.Equal("ar", article.Language);
        Assert.Equal(TextDirection.Rtl, article.Direction);
    }

    [Fact]
    public void Read_BodyString_SplitsAtBlankLines()
    {
        var article = ArticleFiles.Read("a.json", """{"title": "T", "body": "One\nline two\n\n\n  Two.  \r\n\r\nThree."}""");

        Assert.Equal(["One\nline two", "Two.", "Three."], article.Paragraphs);
        Assert.Equal(ArticleFingerprint.KeyFromSourceAndTitle(null, "T"), article.Key);
    }

    [Fact]
    public void Read_TagsAsStringAndOffsetDate_AreParsed()
    {
        var article = ArticleFiles.Read(
            "a.json",
            """{"title": "T", "tags": "a, b", "published": "2023-12-23T01:00:00+03:00", "language": "he-IL", "body": "x"}""");

        Assert.Equal(["a", "b"], article.Tags);
        Assert.Equal(new DateTimeOffset(2023, 12, 22, 22, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("he", article.Language);
        Assert.Equal(TextDirection.Rtl, article.Direction);
    }

    [Fact]
    public void Read_NumericIdAndUrl_KeysByIdText()
    {
        var article = ArticleFiles.Read("a.json", """{"id": 12345, "url": "https://example.org/x", "title": "T", "body": "x"}""");

        Assert.Equal("12345", article.Key);
    }

    [Fact]
    public void Read_UrlWithoutId_KeysByUrl()
    {
        var article = ArticleFiles.Read("a.json", """{"url": "https://example.org/x", "title": "T", "body": "x"}""");

        Assert.Equal("https://example.org/x", article.Key);
    }

    [Fact]
    public void Read_RootIsAList_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.json", """[{"title": "T", "body": "x"}]""");

        Assert.Equal("JSON must be an object with the article's fields, found a list", reason);
    }

    [Fact]
    public void Read_TitleIsANumber_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": 2023, "body": "x"}""");

        Assert.Equal("field \"title\" must be a string", reason);
    }

    [Fact]
    public void Read_TagsIsAnObject_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T", "tags": {"a": 1}, "body": "x"}""");

        Assert.Equal("field \"tags\" must be a list of strings or a string", reason);
    }

    [Fact]
    public void Read_TagsListWithANumber_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T", "tags": ["a", 1], "body": "x"}""");

        Assert.Equal("field \"tags\" must be a list of strings or a string", reason);
    }

    [Fact]
    public void Read_BodyIsANumber_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T", "body": 7}""");

        Assert.Equal("field \"body\" must be a string or a list of strings", reason);
    }

    [Fact]
    public void Read_RetractedIsAString_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T", "retracted": "yes", "body": "x"}""");

        Assert.Equal("field \"retracted\" must be true or false", reason);
    }

    [Fact]
    public void Read_PublishedIsANumber_IsRejectedNamingTheField()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T", "published": 1703289600, "body": "x"}""");

        Assert.Equal("field \"published\" must be a string", reason);
    }

    [Fact]
    public void Read_MissingTitle_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.json", """{"body": "x"}""");

        Assert.Equal("field \"title\" is missing or empty", reason);
    }

    [Fact]
    public void Read_MissingBody_IsRejected()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T"}""");

        Assert.Equal("field \"body\" is missing", reason);
    }

    [Fact]
    public void Read_EmptyBodyList_IsRejectedForNoBody()
    {
        var reason = ArticleFiles.Reject("a.json", """{"title": "T", "body": ["", "  "]}""");

        Assert.Equal("no body: the file has a title but no paragraphs", reason);
    }

    [Fact]
    public void Read_NotJsonAtAll_IsRejectedOnOneLine()
    {
        var reason = ArticleFiles.Reject("a.json", "Title\n\nBody");

        Assert.StartsWith("invalid JSON: (line 1, byte 1) ", reason);
        Assert.DoesNotContain('\n', reason);
    }

    [Fact]
    public void Read_DuplicateField_LastOneWins()
    {
        var article = ArticleFiles.Read("a.json", """{"title": "First", "title": "Second", "body": "x"}""");

        Assert.Equal("Second", article.Title);
    }

    [Fact]
    public void Read_MalformedJson_IsRejectedWithPosition()
    {
        var reason = ArticleFiles.Reject("a.json", "{\"title\": \"T\",\n \"body\": }");

        Assert.Equal("invalid JSON: (line 2, byte 10) '}' is an invalid start of a value.", reason);
    }

    [Fact]
    public void Read_SeveralBadFields_NamesEachOneInOrder()
    {
        var result = ArticleFileReader.Read(
            "a.json",
            System.Text.Encoding.UTF8.GetBytes("""{"title": 7, "url": "javascript:alert(1)", "tags": {"a": 1}, "image": "data:image/png;base64,AAAA", "body": "x"}"""),
            ArticleFiles.Received);

        var failure = Assert.IsType<ArticleReadResult.Failure>(result);
        Assert.Equal(
            [
                new ArticleFieldError("title", "field \"title\" must be a string"),
                new ArticleFieldError("tags", "field \"tags\" must be a list of strings or a string"),
                new ArticleFieldError("url", "field \"url\" must be an absolute http(s) URL, not \"javascript:alert(1)\""),
                new ArticleFieldError("image", "field \"image\" must be an absolute http(s) URL, not \"data:image/png;base64,AAAA\""),
            ],
            failure.Errors);
        Assert.Equal(string.Join("; ", failure.Errors.Select(e => e.Message)), failure.Reason);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/news/1")]
    [InlineData("ftp://example.org/a")]
    [InlineData("https://")]
    public void Read_UrlNotHttp_IsRejectedNamingTheField(string url)
    {
        var reason = ArticleFiles.Reject("a.json", $$"""{"title": "T", "url": {{System.Text.Json.JsonSerializer.Serialize(url)}}, "body": "x"}""");

        Assert.StartsWith("field \"url\" must be an absolute http(s) URL, not ", reason);
    }

    [Fact]
    public void Read_RetractedFalse_AsksToReinstate()
    {
        var stated = ArticleFiles.Read("a.json", """{"title": "T", "retracted": false, "body": "x"}""");
        var silent = ArticleFiles.Read("a.json", """{"title": "T", "body": "x"}""");

        Assert.Equal((false, true), (stated.Retracted, stated.Reinstates));
        Assert.Equal((false, false), (silent.Retracted, silent.Reinstates));
        Assert.Equal(ArticleFingerprint.Compute(silent), ArticleFingerprint.Compute(stated));
    }
}
