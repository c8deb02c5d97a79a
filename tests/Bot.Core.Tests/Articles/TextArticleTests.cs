using Bot.Core.Articles;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class TextArticleTests
{
    private const string SampleTitle = "مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”";

    private const string SampleFirstParagraph =
        "اختتمت مساء الجمعة، أعمال الدورة الـ13 من مؤتمر “رواد بيت المقدس” التي أقيمت في إسطنبول التركية، بين 20 و23 كانون الأول/ديسمبر الجاري، تحت عنوان: “شركاء في تحريرها”.";

    private const string SampleLastParagraph =
        "يذكر أن ”الائتلاف العالمي لنصرة القدس وفلسطين“، هو هيئة جامعة للتحالف بين الجمعيات والمؤسسات والهيئات العربية والإسلامية، التي تعمل لخدمة القدس وفلسطين بغرض العمل المشترك، من أجل ”حشد الجهود وتعبئة الأمة واستنهاضها، لتقوم بدورها في نصرة القدس والشعب الفلسطيني في مواجهة الاحتلال“.";

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");

    [Fact]
    public void ReadFile_ReferenceSample_ReadsTitleParagraphsAndSource()
    {
        var article = ArticleFiles.Success(ArticleFileReader.ReadFile(SamplePath, ArticleFiles.Received));

        Assert.Equal(SampleTitle, article.Title);
        Assert.Equal(13, article.Paragraphs.Count);
        Assert.Equal(SampleFirstParagraph, article.Paragraphs[0]);
        Assert.Equal(SampleLastParagraph, article.Paragraphs[^1]);
        Assert.Equal(
            "وجاء في البيان الذي تلقته “قدس برس”، إن “لجنة عليا ستشكلها الأمانة العامة للمؤتمر، لوضع خطة تنفيذية شاملة مناسبة لشعار عام البشرى للمسرى”.",
            article.Paragraphs[2]);
        Assert.Equal("Quds Press International news Agency", article.Source);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Source", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_ReferenceSample_IsArabicRightToLeftKeyedBySourceAndTitle()
    {
        var article = ArticleFiles.Success(ArticleFileReader.ReadFile(SamplePath, ArticleFiles.Received));

        Assert.Equal("ar", article.Language);
        Assert.Equal(TextDirection.Rtl, article.Direction);
        Assert.Equal(ArticleFingerprint.KeyFromSourceAndTitle("Quds Press International news Agency", SampleTitle), article.Key);
        Assert.Equal("sha256-6478203b800762c9", article.Key);
        Assert.Equal(0, article.Version);
        Assert.Equal(ArticleFiles.Received, article.Received);
        Assert.Null(article.Url);
        Assert.Null(article.Published);
        Assert.Empty(article.Tags);
        Assert.False(article.Retracted);
    }

    [Fact]
    public void Read_ReferenceSampleWithCrlfAndBom_GivesTheSameArticle()
    {
        var original = File.ReadAllText(SamplePath);
        var crlf = original.Replace("\n", "\r\n");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(crlf)];
        var expected = ArticleFiles.Read("sample.txt", original);

        var article = ArticleFiles.Success(ArticleFileReader.Read("sample.txt", bytes, ArticleFiles.Received));

        Assert.Equal(expected.Title, article.Title);
        Assert.Equal(expected.Paragraphs, article.Paragraphs);
        Assert.Equal(expected.Source, article.Source);
        Assert.Equal(expected.Key, article.Key);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains('\r'));
    }

    [Fact]
    public void Read_CarriageReturnOnlyLineEndings_SplitsParagraphs()
    {
        var article = ArticleFiles.Read("old-mac.txt", "Title\r\rFirst line\rsecond line\r\rLast");

        Assert.Equal("Title", article.Title);
        Assert.Equal(["First line\nsecond line", "Last"], article.Paragraphs);
    }

    [Fact]
    public void Read_ArabicSourceLineWithExtraSpaces_SetsSource()
    {
        var article = ArticleFiles.Read("a.txt", "عنوان الخبر\n\nنص الخبر الأول.\n\n  المصدر :   قدس برس  \n");

        Assert.Equal("عنوان الخبر", article.Title);
        Assert.Equal(["نص الخبر الأول."], article.Paragraphs);
        Assert.Equal("قدس برس", article.Source);
        Assert.Equal(ArticleFingerprint.KeyFromSourceAndTitle("قدس برس", "عنوان الخبر"), article.Key);
    }

    [Fact]
    public void Read_SourceLineWithDirectionMarksAndOtherCase_SetsSource()
    {
        var article = ArticleFiles.Read("a.txt", "Title\n\nBody.\n\n\u200Fsource:\tReuters\u200F");

        Assert.Equal("Reuters", article.Source);
        Assert.Equal(["Body."], article.Paragraphs);
    }

    [Fact]
    public void Read_NoSourceLine_KeepsLastParagraphAndKeysByTitleAlone()
    {
        var article = ArticleFiles.Read("a.txt", "Title\n\nOne.\n\nSources say: more to come.");

        Assert.Null(article.Source);
        Assert.Equal(["One.", "Sources say: more to come."], article.Paragraphs);
        Assert.Equal(ArticleFingerprint.KeyFromSourceAndTitle(null, "Title"), article.Key);
    }

    [Fact]
    public void Read_LeadingBlankLinesManyBlankLinesAndIndentation_TrimsOnlyAroundParagraphs()
    {
        var text = "\n  \n  Headline here  \n\n\n\n   First para, “quoted”.  \n \t \n\tSecond line one\n  second line two \n\n\n";

        var article = ArticleFiles.Read("a.txt", text);

        Assert.Equal("Headline here", article.Title);
        Assert.Equal(["First para, “quoted”.", "Second line one\n  second line two"], article.Paragraphs);
        Assert.Equal("en", article.Language);
        Assert.Equal(TextDirection.Ltr, article.Direction);
    }

    [Fact]
    public void Read_TitleFollowedDirectlyByText_TextIsFirstParagraph()
    {
        var article = ArticleFiles.Read("a.txt", "Title\nBody right away.");

        Assert.Equal("Title", article.Title);
        Assert.Equal(["Body right away."], article.Paragraphs);
    }

    [Fact]
    public void Read_TitleOnly_IsRejectedForNoBody()
    {
        var reason = ArticleFiles.Reject("a.txt", "Just a title\n\n");

        Assert.Equal("no body: the file has a title but no paragraphs", reason);
    }

    [Fact]
    public void Read_TitleAndSourceLineOnly_IsRejectedForNoBody()
    {
        var reason = ArticleFiles.Reject("a.txt", "Just a title\n\nSource: Somebody");

        Assert.Equal("no body: the file has a title but no paragraphs", reason);
    }

    [Fact]
    public void Read_UpperCaseExtension_IsReadAsText()
    {
        var article = ArticleFiles.Read("NEWS.TXT", "Title\n\nBody.");

        Assert.Equal(["Body."], article.Paragraphs);
    }
}
