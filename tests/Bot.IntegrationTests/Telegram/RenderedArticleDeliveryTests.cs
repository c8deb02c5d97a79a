using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Rendering;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary>The default Telegram template's output, sent for real to the strict fake: every part must pass Telegram's own checks.</summary>
public sealed class RenderedArticleDeliveryTests
{
    private const string Channel = "-1001234567890";

    private static readonly Destination Destination = new("news", ChannelNames.Telegram, Channel, null, DestinationFilter.Everything);

    [Fact]
    public async Task SendAsync_ReferenceArticleFromTheDefaultTemplate_EveryPartAccepted()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var article = ReadReference();

        var message = Renderer().RenderTelegram(article, Destination);
        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), message, [], CancellationToken.None);

        Assert.Equal(message.Parts.Count, Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds.Count);
        var seen = string.Join("\n", harness.Api.VisibleMessages(Channel).Select(m => m.Text));
        Assert.Contains(article.Title, seen, StringComparison.Ordinal);
        Assert.All(article.Paragraphs, p => Assert.Contains(p, seen, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_LongArticleWithImage_SplitPartsAllAcceptedPhotoFirst()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var reference = ReadReference();
        var article = reference with
        {
            Image = "https://example.org/photo.jpg",
            Paragraphs = [.. Enumerable.Repeat(reference.Paragraphs, 4).SelectMany(p => p)],
        };

        var message = Renderer().RenderTelegram(article, Destination);
        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), message, [], CancellationToken.None);

        Assert.True(message.Parts.Count > 2);
        Assert.Equal(message.Parts.Count, Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds.Count);
        Assert.True(harness.Api.VisibleMessages(Channel)[0].IsPhoto);
        Assert.All(harness.Api.RequestsTo(Channel), r => Assert.Equal(200, r.StatusCode));
    }

    private static Article ReadReference()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");
        var result = ArticleFileReader.ReadFile(path, new DateTimeOffset(2023, 12, 24, 8, 0, 0, TimeSpan.Zero));
        return Assert.IsType<ArticleReadResult.Success>(result).Article with { Version = 1 };
    }

    private static MessageRenderer Renderer()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "config", "templates")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return new MessageRenderer(Path.Combine(folder.FullName, "config", "templates"), TimeProvider.System);
    }
}
