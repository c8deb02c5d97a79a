using Bot.Core.Delivery;
using Xunit;

namespace Bot.IntegrationTests.Metrics;

/// <summary>
/// The whole <c>/metrics</c> exposition of one host, parsed strictly: the store's figures with their names and labels
/// as before, the oldest due delivery per channel, and the store read at most once per cache period.
/// </summary>
public sealed class BotMetricsTests : IDisposable
{
    private readonly MetricsFixture _metrics = new();

    public BotMetricsTests()
    {
        _metrics.Destinations.States.AddRange(
        [
            new DestinationState("news", "telegram", "-100", Paused: false, Disabled: false, null),
            new DestinationState("letters", "email", "", Paused: true, Disabled: false, null),
        ]);
        _metrics.Statistics.Counts = [new DeliveryCount("news", DeliveryStatus.Sent, 4), new DeliveryCount("news", DeliveryStatus.Queued, 2)];
        _metrics.Statistics.Oldest = [new OldestDue("telegram", MetricsFixture.Start.AddSeconds(-90))];
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Scrape_StoreFigures_ExistingNamesLabelsAndTypesKeptOldestDueAgePerChannel()
    {
        var text = await _metrics.ScrapeAsync();

        Assert.Equal("gauge", text.Families["bot_deliveries"].Type);
        Assert.Equal(4, text.Value("bot_deliveries", ("destination", "news"), ("channel", "telegram"), ("status", "sent")));
        Assert.Equal(2, text.Value("bot_deliveries", ("destination", "news"), ("channel", "telegram"), ("status", "queued")));
        Assert.Equal(0, text.Value("bot_deliveries", ("destination", "letters"), ("channel", "email"), ("status", "held")));
        Assert.Equal(1, text.Value("bot_destination_paused", ("destination", "letters"), ("channel", "email")));
        Assert.Equal(0, text.Value("bot_destination_disabled", ("destination", "news"), ("channel", "telegram")));
        Assert.Equal(1, text.Value("bot_store_up"));
        Assert.Equal("gauge", text.Families["bot_oldest_due_delivery_age_seconds"].Type);
        Assert.Equal(90, text.Value("bot_oldest_due_delivery_age_seconds", ("channel", "telegram")));
        Assert.Equal(0, text.Value("bot_oldest_due_delivery_age_seconds", ("channel", "email")));
        Assert.Equal("counter", text.Families["process_cpu_seconds_total"].Type);
        Assert.True(text.Value("process_working_set_bytes") > 0);
        Assert.True(text.Has("dotnet_collection_count_total"));
    }

    [Fact]
    public async Task Scrape_TenInARow_StoreAskedOnceUntilThePeriodEnds()
    {
        for (var i = 0; i < 10; i++)
        {
            await _metrics.ScrapeAsync();
            _metrics.Clock.Advance(TimeSpan.FromMilliseconds(400));
        }

        var withinPeriod = (_metrics.Statistics.CountQueries, _metrics.Statistics.OldestDueQueries);
        _metrics.Clock.Advance(TimeSpan.FromSeconds(1));
        var text = await _metrics.ScrapeAsync();

        Assert.Equal((1, 1), withinPeriod);
        Assert.Equal((2, 2), (_metrics.Statistics.CountQueries, _metrics.Statistics.OldestDueQueries));
        Assert.Equal(95, text.Value("bot_oldest_due_delivery_age_seconds", ("channel", "telegram"))); // read again 5 s after the first
    }

    [Fact]
    public async Task Scrape_EightAtOnceWhileTheStoreIsSlow_OneQuery()
    {
        _metrics.Statistics.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var scrapes = Enumerable.Range(0, 8).Select(_ => Task.Run(_metrics.ScrapeAsync)).ToList();
        await Support.Eventually.HoldsAsync(() => _metrics.Statistics.CountQueries == 1, "one scrape reads the store");
        _metrics.Statistics.Gate.SetResult();
        var texts = await Task.WhenAll(scrapes);

        Assert.Equal(1, _metrics.Statistics.CountQueries);
        Assert.All(texts, t => Assert.Equal(4, t.Value("bot_deliveries", ("destination", "news"), ("channel", "telegram"), ("status", "sent"))));
    }

    [Fact]
    public async Task Scrape_StoreFailsRepeatedly_StoreDownAndAskedOncePerPeriod()
    {
        var first = await _metrics.ScrapeAsync();
        _metrics.Statistics.Fails = true;
        _metrics.Clock.Advance(TimeSpan.FromSeconds(5));

        var failed = await _metrics.ScrapeAsync();
        var again = await _metrics.ScrapeAsync();

        Assert.Equal(1, first.Value("bot_store_up"));
        Assert.Equal(0, failed.Value("bot_store_up"));
        Assert.Equal(0, again.Value("bot_store_up"));
        Assert.Equal(2, _metrics.Statistics.CountQueries);
        // The figures of the last good read stay, marked stale by bot_store_up.
        Assert.Equal(4, again.Value("bot_deliveries", ("destination", "news"), ("channel", "telegram"), ("status", "sent")));
    }
}
