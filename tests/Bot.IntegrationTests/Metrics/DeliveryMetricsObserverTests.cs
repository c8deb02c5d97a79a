using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Host.Metrics;
using Xunit;

namespace Bot.IntegrationTests.Metrics;

/// <summary>
/// The engine's reports of platform calls as <c>/metrics</c> shows them, read back with a strict exposition parser:
/// send time by channel and outcome, throttling by channel, and intake to first send once per article version and channel.
/// </summary>
public sealed class DeliveryMetricsObserverTests : IDisposable
{
    private static readonly DateTimeOffset Start = MetricsFixture.Start;
    private readonly MetricsFixture _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Attempted_EmailFanOutToThreeSubscribers_FirstSendCountedOnceEverySendTimed()
    {
        _metrics.Clock.Advance(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 3; i++)
        {
            _metrics.Observer.Attempted(Delivery(i, "email", recipient: $"r{i}@example.org"), ChannelNames.Email, Sent(), TimeSpan.FromMilliseconds(200), Start);
            _metrics.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var text = await _metrics.ScrapeAsync();

        Assert.Equal("histogram", text.Families["bot_article_to_send_seconds"].Type);
        Assert.Equal(1, text.Value("bot_article_to_send_seconds_count", ("channel", "email")));
        Assert.Equal(3, text.Value("bot_article_to_send_seconds_sum", ("channel", "email")));
        Assert.Equal(0, text.Value("bot_article_to_send_seconds_bucket", ("channel", "email"), ("le", "2.5")));
        Assert.Equal(1, text.Value("bot_article_to_send_seconds_bucket", ("channel", "email"), ("le", "5")));
        Assert.Equal("histogram", text.Families["bot_send_seconds"].Type);
        Assert.Equal(3, text.Value("bot_send_seconds_count", ("channel", "email"), ("outcome", "sent")));
        Assert.Equal(0.6, text.Value("bot_send_seconds_sum", ("channel", "email"), ("outcome", "sent")), 9);
        Assert.Equal(3, text.Value("bot_send_seconds_bucket", ("channel", "email"), ("outcome", "sent"), ("le", "0.25")));
    }

    [Fact]
    public async Task Attempted_TelegramAnswers429ThenSends_ThrottledCountedAndFirstSendTimedFromIntake()
    {
        _metrics.Clock.Advance(TimeSpan.FromSeconds(1));
        _metrics.Observer.Attempted(Delivery(1, "news"), ChannelNames.Telegram,
            new SendOutcome.RetryLater([], TimeSpan.FromSeconds(5), "429 Too Many Requests"), TimeSpan.FromMilliseconds(50), Start);
        _metrics.Observer.Attempted(Delivery(2, "chat"), ChannelNames.Discord, new SendOutcome.RetryLater([], null, "503"), TimeSpan.FromMilliseconds(50), Start);
        _metrics.Clock.Advance(TimeSpan.FromSeconds(5));
        _metrics.Observer.Attempted(Delivery(1, "news"), ChannelNames.Telegram, Sent(), TimeSpan.FromMilliseconds(50), Start);

        var text = await _metrics.ScrapeAsync();

        Assert.Equal("counter", text.Families["bot_throttled_total"].Type);
        Assert.Equal(1, text.Value("bot_throttled_total", ("channel", "telegram")));
        Assert.Equal(0, text.Value("bot_throttled_total", ("channel", "discord")));
        Assert.Equal(0, text.Value("bot_throttled_total", ("channel", "email")));
        Assert.Equal(1, text.Value("bot_send_seconds_count", ("channel", "telegram"), ("outcome", "retry")));
        Assert.Equal(1, text.Value("bot_send_seconds_count", ("channel", "telegram"), ("outcome", "sent")));
        Assert.Equal(1, text.Value("bot_send_seconds_count", ("channel", "discord"), ("outcome", "retry")));
        Assert.Equal(6, text.Value("bot_article_to_send_seconds_sum", ("channel", "telegram")));
    }

    [Fact]
    public async Task Attempted_CorrectionRepublishAndRetraction_OnlyTheNewVersionsFirstSendCounts()
    {
        _metrics.Clock.Advance(TimeSpan.FromSeconds(2));
        _metrics.Observer.Attempted(Delivery(1, "news"), ChannelNames.Telegram, Sent(), TimeSpan.Zero, Start);
        _metrics.Observer.Attempted(Delivery(2, "news", generation: 1), ChannelNames.Telegram, Sent(), TimeSpan.Zero, Start);
        var corrected = Start.AddSeconds(10);
        _metrics.Clock.Advance(TimeSpan.FromSeconds(12));
        _metrics.Observer.Attempted(Delivery(3, "news", DeliveryKind.Edit, version: 2), ChannelNames.Telegram, Sent(), TimeSpan.Zero, corrected);
        _metrics.Observer.Attempted(Delivery(4, "news", DeliveryKind.Edit, version: 2), ChannelNames.Telegram, Sent(), TimeSpan.Zero, corrected);
        _metrics.Observer.Attempted(Delivery(5, "news", DeliveryKind.Delete, version: 3), ChannelNames.Telegram, Sent(), TimeSpan.Zero, Start.AddSeconds(13));
        _metrics.Observer.Attempted(Delivery(6, "news", DeliveryKind.Edit, version: 4), ChannelNames.Telegram,
            new SendOutcome.Paced([], Start.AddMinutes(1)), TimeSpan.Zero, Start.AddSeconds(14));

        var text = await _metrics.ScrapeAsync();

        // Version 1 after 2 s, version 2 after 4 s; the republished copy, the second edit, the deletion and the paced edit add nothing.
        Assert.Equal(2, text.Value("bot_article_to_send_seconds_count", ("channel", "telegram")));
        Assert.Equal(6, text.Value("bot_article_to_send_seconds_sum", ("channel", "telegram")));
        Assert.Equal(5, text.Value("bot_send_seconds_count", ("channel", "telegram"), ("outcome", "sent")));
        Assert.Equal(1, text.Value("bot_send_seconds_count", ("channel", "telegram"), ("outcome", "paced")));
    }

    [Fact]
    public void NameOf_EveryOutcome_OneLabelEach()
    {
        var names = new SendOutcome[]
        {
            Sent(), new SendOutcome.RetryLater([], null, "x"), new SendOutcome.Paced([], Start), new SendOutcome.Rejected([], "x", false),
            new SendOutcome.TargetMoved([], "-100"), new SendOutcome.Unavailable([], "x"),
        }.Select(DeliveryMetricsObserver.NameOf);

        Assert.Equal(["sent", "retry", "paced", "rejected", "moved", "unavailable"], names);
    }

    private static SendOutcome.Sent Sent() => new(["1"]);

    private static ClaimedDelivery Delivery(long id, string destination, DeliveryKind kind = DeliveryKind.Announce, int version = 1, string recipient = "", int generation = 0) =>
        new(id, "qp-1", version, destination, recipient, kind, 1, [], Start.AddMinutes(1), generation);
}
