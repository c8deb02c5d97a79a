using Bot.IntegrationTests.Fakes.Feeds;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.ScaleOut;

/// <summary>
/// Three <c>bot run</c> hosts on one PostgreSQL database announce a feed's items to many private chats through the
/// strict fake Bot API, which answers 429 past 30 messages a second or one a second per chat: the budgets hold for
/// the three together, and the feed is polled by one host at a time.
/// </summary>
public sealed class SharedBudgetTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int Chats = 50;
    private const int Items = 3;
    private static readonly TimeSpan FeedInterval = TimeSpan.FromSeconds(2);
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private FakeTelegramBotApi _api = null!;
    private FakeFeedServer _feed = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeTelegramBotApi.StartAsync();
        _feed = await FakeFeedServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _feed.DisposeAsync();
    }

    private static string Chat(int i) => (5001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Run_ThreeHostsAnnounceAFeedToManyChats_No429AndOnePollerAndEachItemOncePerChat()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var items = Enumerable.Range(1, Items).Select(n => new RssDocument.Item($"item-{n}", $"Item {n}", $"<p>Body of item {n}.</p>", Day.AddHours(n))).ToArray();
        _feed.Serve("/news.xml", RssDocument.Of("Desk", "en", items));
        await using var cluster = await BotCluster.CreateAsync(database, output, new Dictionary<string, string> { ["Telegram__BotToken"] = _api.Token },
        [
            $"--Telegram:ApiBaseUrl={_api.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            "--Sources:Feeds:0:Name=desk",
            "--Sources:Feeds:0:Url=" + _feed.Url("/news.xml"),
            "--Sources:Feeds:0:AllowPrivateNetwork=true",
            $"--Sources:Feeds:0:Interval={FeedInterval}",
            .. Enumerable.Range(0, Chats).SelectMany(i => new[] { $"--Telegram:Destinations:{i}:Name=reader-{i}", $"--Telegram:Destinations:{i}:ChatId={Chat(i)}" }),
        ]);
        foreach (var name in new[] { "host-a", "host-b", "host-c" }) cluster.Start(name);

        await Eventually.HoldsAsync(
            () => Enumerable.Range(0, Chats).All(i => _api.VisibleMessages(Chat(i)).Count >= Items), "every chat has every item", TimeSpan.FromMinutes(2));
        // A few more polls of the feed, which bring nothing new.
        var polled = _feed.Journal.Count;
        await Eventually.HoldsAsync(() => _feed.Journal.Count >= polled + 3, "three more polls of the feed");
        var sends = _api.Journal.Where(r => r.Method == "sendMessage").ToList();
        var polls = _feed.Journal.Select(r => r.At).Order().ToList();
        var gaps = polls.Zip(polls.Skip(1), (a, b) => b - a).ToList();
        output.WriteLine($"{sends.Count} sendMessage, {sends.Count(r => r.StatusCode == 429)} answered 429; {polls.Count} polls of the feed, closest {gaps.Min().TotalSeconds:0.00} s apart");

        Assert.DoesNotContain(sends, r => r.StatusCode == 429);
        Assert.All(Enumerable.Range(0, Chats), i =>
        {
            var texts = _api.VisibleMessages(Chat(i)).Select(m => m.Text).ToList();
            Assert.Equal(Items, texts.Count);
            Assert.All(items, item => Assert.Single(texts, t => t.Contains(item.Title, StringComparison.Ordinal)));
        });
        // One poller at a time: polls come an interval apart (minus scheduling noise), never from two hosts at once.
        Assert.All(gaps, gap => Assert.True(gap >= FeedInterval / 2, $"two polls {gap.TotalSeconds:0.000} s apart"));
    }
}
