using Bot.Core.Articles;
using Bot.Core.Delivery;
using Bot.Core.Rendering;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Rendering;

/// <summary>The reference article and the fixed world the golden files are rendered in.</summary>
internal static class ReferenceArticle
{
    public static readonly DateTimeOffset Received = new(2023, 12, 24, 9, 0, 0, TimeSpan.Zero);

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");

    public static string TemplatesPath => Path.Combine(AppContext.BaseDirectory, "templates");

    public static Destination Telegram { get; } = new("quds-telegram", "telegram", "-1001234567890", null, DestinationFilter.Everything);

    public static Destination Discord { get; } = new("quds-discord", "discord", "112233445566778899", null, DestinationFilter.Everything) { Color = 0x0F5C8C };

    public static Destination Email { get; } = new("أخبار القدس", "email", "", null, DestinationFilter.Everything);

    public static EmailRecipient Reader { get; } = new("reader@example.org", "قارئ الأخبار", "https://news.example.org/unsubscribe?token=abc123");

    public static FakeTimeProvider Clock() => new(Received);

    public static MessageRenderer Renderer() => new(TemplatesPath, Clock());

    /// <summary>The sample read by the production reader, as version 1.</summary>
    public static Article Load()
    {
        var result = ArticleFileReader.ReadFile(SamplePath, Received);
        var article = Assert.IsType<ArticleReadResult.Success>(result).Article;
        return article with { Version = 1 };
    }

    public static Article With(string title, params string[] paragraphs) => new()
    {
        Key = "k",
        Title = title,
        Paragraphs = paragraphs,
        Language = "en",
        Received = Received,
    };
}
