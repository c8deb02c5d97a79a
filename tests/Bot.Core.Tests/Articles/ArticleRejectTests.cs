using System.Text;
using Bot.Core.Articles;
using Bot.Core.Tests.Support;
using CsCheck;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class ArticleRejectTests
{
    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.md")]
    [InlineData("a.json")]
    public void Read_ZeroBytes_IsEmptyFile(string fileName)
    {
        var reason = ArticleFiles.Reject(fileName, []);

        Assert.Equal("empty file", reason);
    }

    [Fact]
    public void Read_WhitespaceOnly_IsEmptyFile()
    {
        var reason = ArticleFiles.Reject("a.txt", " \r\n\t\n\u00A0\n");

        Assert.Equal("empty file", reason);
    }

    [Fact]
    public void Read_ByteOrderMarkOnly_IsEmptyFile()
    {
        var reason = ArticleFiles.Reject("a.txt", [0xEF, 0xBB, 0xBF]);

        Assert.Equal("empty file", reason);
    }

    [Fact]
    public void Read_NulByte_IsBinaryContentWithItsOffset()
    {
        byte[] bytes = [.. "Title\n\nBody"u8, 0x00, .. "more"u8];

        var reason = ArticleFiles.Reject("a.txt", bytes);

        Assert.Equal("binary content (NUL byte at 11)", reason);
    }

    [Fact]
    public void Read_EscapeControlByte_IsBinaryContent()
    {
        byte[] bytes = [.. "Title\n\n"u8, 0x1B, .. "[31mred"u8];

        var reason = ArticleFiles.Reject("a.md", bytes);

        Assert.Equal("binary content (control byte 0x1B at 7)", reason);
    }

    [Fact]
    public void Read_TabFormFeedAndCarriageReturn_AreNotBinary()
    {
        var article = ArticleFiles.Read("a.txt", "Title\r\n\r\nA\tB\fC");

        Assert.Equal(["A\tB\fC"], article.Paragraphs);
    }

    [Fact]
    public void Read_InvalidUtf8_ReportsTheByteOffset()
    {
        // "Title\n\n" is 7 bytes, "عنوان" 10 more; then a lone continuation byte.
        byte[] bytes = [.. "Title\n\nعنوان"u8, 0x80, .. "tail"u8];

        var reason = ArticleFiles.Reject("a.txt", bytes);

        Assert.Equal("invalid UTF-8 at byte 17", reason);
    }

    [Fact]
    public void Read_Latin1Text_IsInvalidUtf8CountingTheByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes("Caf\u00E9\n\nBody")];

        var reason = ArticleFiles.Reject("a.txt", bytes);

        Assert.Equal("invalid UTF-8 at byte 6", reason);
    }

    [Fact]
    public void Read_TruncatedMultiByteSequenceAtEnd_IsInvalidUtf8()
    {
        byte[] bytes = [.. "Title\n\nBody "u8, 0xD8];

        var reason = ArticleFiles.Reject("a.txt", bytes);

        Assert.Equal("invalid UTF-8 at byte 12", reason);
    }

    [Fact]
    public void Read_SpanOverTheLimit_IsRefusedBySize()
    {
        var bytes = new byte[ArticleFileReader.MaxFileBytes + 1];

        var reason = ArticleFiles.Reject("a.txt", bytes);

        Assert.Equal("file is 5.0 MB; the limit is 5 MB", reason);
    }

    [Fact]
    public void Read_SpanAtTheLimit_IsRead()
    {
        var text = "Title\n\n" + new string('x', (int)ArticleFileReader.MaxFileBytes - 7);

        var article = ArticleFiles.Read("a.txt", text);

        Assert.Equal((int)ArticleFileReader.MaxFileBytes - 7, article.Paragraphs[0].Length);
    }

    [Fact]
    public void ReadFile_TwentyMegabyteFile_IsRefusedBySizeWithoutReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"article-{Guid.NewGuid():N}.txt");
        try
        {
            using (var file = File.Create(path))
            {
                // Zero bytes: had the reader loaded the file, it would report binary content instead.
                file.SetLength(20 * 1024 * 1024);
            }

            var reason = ArticleFiles.Failure(ArticleFileReader.ReadFile(path, ArticleFiles.Received));

            Assert.Equal("file is 20.0 MB; the limit is 5 MB", reason);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadFile_MissingFile_IsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt");

        var reason = ArticleFiles.Failure(ArticleFileReader.ReadFile(path, ArticleFiles.Received));

        Assert.Equal("file not found", reason);
    }

    [Fact]
    public void ReadFile_MarkdownFileOnDisk_IsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"article-{Guid.NewGuid():N}.md");
        try
        {
            File.WriteAllText(path, "# Title\n\nBody.");

            var article = ArticleFiles.Success(ArticleFileReader.ReadFile(path, ArticleFiles.Received));

            Assert.Equal("Title", article.Title);
            Assert.Equal(["Body."], article.Paragraphs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("article.pdf", "unknown file type \".pdf\"; expected .txt, .md or .json")]
    [InlineData("article", "a file without an extension; expected .txt, .md or .json")]
    public void Read_UnknownExtension_IsRejected(string fileName, string expected)
    {
        var reason = ArticleFiles.Reject(fileName, "Title\n\nBody.");

        Assert.Equal(expected, reason);
    }

    [Fact]
    public void ReadFile_UnknownExtension_IsRejectedWithoutReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"article-{Guid.NewGuid():N}.docx");
        try
        {
            File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00]);

            var reason = ArticleFiles.Failure(ArticleFileReader.ReadFile(path, ArticleFiles.Received));

            Assert.Equal("unknown file type \".docx\"; expected .txt, .md or .json", reason);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.md")]
    [InlineData("a.json")]
    public void Read_TitleOfMoreThanAThousandCharacters_IsRejected(string fileName)
    {
        var title = new string('t', 1001);
        var text = fileName switch
        {
            "a.json" => $$"""{"title": "{{title}}", "body": "Body."}""",
            "a.md" => $"# {title}\n\nBody.",
            _ => $"{title}\n\nBody.",
        };

        var reason = ArticleFiles.Reject(fileName, text);

        Assert.Equal("title is 1001 characters; the limit is 1000 (is a blank line missing after it?)", reason);
    }

    [Fact]
    public void Read_TitleOfExactlyAThousandCharacters_IsAccepted()
    {
        var title = new string('t', 1000);

        var article = ArticleFiles.Read("a.txt", $"{title}\n\nBody.");

        Assert.Equal(title, article.Title);
    }

    [Fact]
    public void Read_ArbitraryBytes_NeverThrows()
    {
        Gen.Select(Gen.OneOf("a.txt", "a.md", "a.json"), Gen.Byte.Array[0, 300])
            .Sample((fileName, bytes) =>
            {
                var result = ArticleFileReader.Read(fileName, bytes, ArticleFiles.Received);
                return result is ArticleReadResult.Success or ArticleReadResult.Failure { Reason.Length: > 0 };
            });
    }

    [Fact]
    public void Read_ArbitraryText_NeverThrowsAndFailuresAreOneLine()
    {
        var pieces = Gen.OneOf("---", "\n", "\r\n", " ", "#", "- ", "title: ", "tags: [", "{", "}", "\"", ":", ",",
            "[", "]", "Source: ", "المصدر: ", "نص", "text", "*", "`", ">", "\"body\"", "\"title\"", "null", "1");
        Gen.Select(Gen.OneOf("a.txt", "a.md", "a.json"), pieces.Array[0, 40])
            .Sample((fileName, parts) =>
            {
                var result = ArticleFileReader.Read(fileName, Encoding.UTF8.GetBytes(string.Concat(parts)), ArticleFiles.Received);
                return result switch
                {
                    ArticleReadResult.Failure f => f.Reason.Length > 0 && !f.Reason.Contains('\n'),
                    ArticleReadResult.Success s => s.Article.Title.Length > 0 && s.Article.Paragraphs.Count > 0,
                    _ => false,
                };
            });
    }
}
