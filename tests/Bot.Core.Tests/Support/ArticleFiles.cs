using System.Text;
using Bot.Core.Articles;
using Xunit;

namespace Bot.Core.Tests.Support;

/// <summary>Reads article text through <see cref="ArticleFileReader"/> and unwraps the expected outcome.</summary>
public static class ArticleFiles
{
    public static readonly DateTimeOffset Received = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    public static Article Read(string fileName, string text) => Success(ArticleFileReader.Read(fileName, Encoding.UTF8.GetBytes(text), Received));

    public static string Reject(string fileName, string text) => Reject(fileName, Encoding.UTF8.GetBytes(text));

    public static string Reject(string fileName, byte[] bytes) => Failure(ArticleFileReader.Read(fileName, bytes, Received));

    public static Article Success(ArticleReadResult result) =>
        Assert.IsType<ArticleReadResult.Success>(result).Article;

    public static string Failure(ArticleReadResult result) =>
        Assert.IsType<ArticleReadResult.Failure>(result).Reason;
}
