using Bot.IntegrationTests.Support;
using Bot.Core.Admin;
using Bot.Channels.Telegram;
using Bot.Core.Admin.Commands;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.ChatSubscriptions;
using Bot.Storage.Deliveries;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary><c>/start</c> and <c>/stop</c> through the command service, over the fake Bot API, into the SQLite store.</summary>
public sealed class TelegramSubscriberCommandsTests : IAsyncLifetime
{
    private const long Admin = 42;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "telegram-subscribers-" + Guid.NewGuid().ToString("N"));
    private readonly ObservedTimeProvider clock = new();
    private ServiceProvider provider = null!;
    private SqlOutbox deliveries = null!;
    private ITelegramSubscriberStore subscribers = null!;
    private TelegramHarness harness = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = "sqlite", ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "bot.db")}" })
            .Build();
        provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddBotStorage(configuration).AddTelegramSubscriberStore().BuildServiceProvider();
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        deliveries = new SqlOutbox(provider.GetRequiredService<IDbConnectionFactory>(), clock);
        subscribers = provider.GetRequiredService<ITelegramSubscriberStore>();
        // Several answers to one chat on a clock that never moves: pacing is not what these tests are about.
        harness = await TelegramHarness.StartAsync(
            new Fakes.TelegramBotApi.FakeTelegramBotApiOptions { EnforceRateLimits = false });
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task StartWithTopic_Stranger_SubscribedWithTheTopicAndAnsweredInBothLanguages()
    {
        await RunAsync(("1001", 1), (1001, 1001, "/start  Al-Quds <News>", "private"));

        var row = await subscribers.GetAsync(1001, CancellationToken.None);
        Assert.Equal((TelegramSubscriberStatus.Active, "al-quds <news>", (long?)1001, "User"), (row!.Status, row.Topic, row.UserId, row.Name));
        var reply = Assert.Single(harness.Api.RequestsTo("1001"));
        Assert.Equal(200, reply.StatusCode);
        Assert.Contains("Al-Quds &lt;News&gt;", reply.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var seen = Assert.Single(harness.Api.VisibleMessages("1001")).Text;
        Assert.Contains("ستصلك هنا أخبار «Al-Quds <News>» فقط", seen, StringComparison.Ordinal);
        Assert.Contains("You will get news about “Al-Quds <News>” here.", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("/help", seen, StringComparison.Ordinal);
        Assert.Equal(("telegram-subscribe", "1001: new, topic al-quds <news>", (string?)"chat:1001"), await LastAuditAsync());
    }

    [Fact]
    public async Task StartWithTooLongTopic_NotSubscribedAndTold()
    {
        await RunAsync(("1001", 1), (1001, 1001, "/start " + new string('x', SubscriptionTopic.MaxLength + 1), "private"));

        Assert.Null(await subscribers.GetAsync(1001, CancellationToken.None));
        Assert.Contains("That topic is too long: at most 64 characters.", Assert.Single(harness.Api.VisibleMessages("1001")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartThenStartAgain_TopicReplacedByEverything()
    {
        await RunAsync(("1001", 2), (1001, 1001, "/start sport", "private"), (1001, 1001, "/start", "private"));

        var row = await subscribers.GetAsync(1001, CancellationToken.None);
        Assert.Equal((TelegramSubscriberStatus.Active, (string?)null), (row!.Status, row.Topic));
        Assert.Contains("You will get our news here.", harness.Api.VisibleMessages("1001")[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_Subscribed_UnsubscribedAndTold()
    {
        await RunAsync(("1001", 3), (1001, 1001, "/start", "private"), (1001, 1001, "/stop", "private"), (1001, 1001, "/stop", "private"));

        Assert.Equal(TelegramSubscriberStatus.Unsubscribed, (await subscribers.GetAsync(1001, CancellationToken.None))!.Status);
        var texts = harness.Api.VisibleMessages("1001").Select(m => m.Text).ToList();
        Assert.Contains("You are unsubscribed and will get no more messages.", texts[1], StringComparison.Ordinal);
        Assert.Contains("You are not subscribed.", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_StartSubscribesAndPointsToHelp_AdminCommandsStillWork()
    {
        await RunAsync(("42", 2), (Admin, Admin, "/start", "private"), (Admin, Admin, "/help", "private"));

        Assert.Equal(TelegramSubscriberStatus.Active, (await subscribers.GetAsync(Admin, CancellationToken.None))!.Status);
        var texts = harness.Api.VisibleMessages("42").Select(m => m.Text).ToList();
        Assert.EndsWith("Admin: /help lists the admin commands.", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Commands", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_StartAndStop_NoSubscriptionAndStrangersStillRefusedAdminCommands()
    {
        await RunAsync(("1002", 1), (-500, 1001, "/start", "group"), (-500, 1001, "/stop", "group"), (1002, 1002, "/pause news", "private"));

        Assert.Null(await subscribers.GetAsync(-500, CancellationToken.None));
        Assert.Null(await subscribers.GetAsync(1001, CancellationToken.None));
        Assert.Equal([TelegramCommandService.Refusal, TelegramCommandService.Refusal], harness.Api.VisibleMessages("-500").Select(m => m.Text));
        Assert.Equal(TelegramCommandService.Refusal, Assert.Single(harness.Api.VisibleMessages("1002")).Text);
        Assert.False((await deliveries.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
    }

    [Fact]
    public async Task Menu_ReadersCommandsPublishedWithTheAdminOnes()
    {
        await RunAsync(("1001", 1), (1001, 1001, "/start", "private"));

        var names = harness.Api.Commands.Select(c => c!["command"]!.GetValue<string>()).ToList();
        Assert.Equal(AdminMenu.Entries.Select(m => m.Name).Concat(["start", "stop"]), names);
    }

    // Injects the messages, runs the command service until the chat has had the expected number of answers, and stops it.
    private async Task RunAsync((string Chat, int Replies) until, params (long Chat, long From, string Text, string Type)[] messages)
    {
        var destination = new Destination("news", ChannelNames.Telegram, "-1001", null, DestinationFilter.Everything);
        await deliveries.Destinations.SyncAsync([destination, TelegramSubscriberDestination.Create()], CancellationToken.None);
        var admin = TestAdminCommands.Create(
            provider.GetRequiredService<IDbConnectionFactory>(), provider.GetRequiredService<IArticleStore>(), deliveries,
            new DestinationCatalog([destination]), new NoRenderer(), clock, new AdminGrant(ChannelNames.Telegram, [Admin.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        var options = Microsoft.Extensions.Options.Options.Create(new TelegramOptions
        {
            BotToken = harness.Api.Token,
            ApiBaseUrl = harness.Api.BaseUrl,
            PollTimeout = TimeSpan.FromSeconds(1),
            Admins = [Admin],
        });
        var service = new TelegramCommandService(options, admin, new TelegramDirectMessages(harness.Sender, null, clock), clock, NullLoggerFactory.Instance, subscribers: new TelegramSubscriberCommands(subscribers, deliveries.Audit, clock));
        foreach (var (chat, from, text, type) in messages)
        {
            harness.Api.InjectMessage(chat, from, text, chatType: type);
        }

        using var stop = new CancellationTokenSource();
        var running = service.RunAsync(stop.Token);
        await harness.WaitForRequestsAsync(until.Chat, until.Replies);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private async Task<(string Action, string Detail, string? Origin)> LastAuditAsync()
    {
        await using var connection = await provider.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Action, string Detail, string? Origin)>("SELECT action, detail, origin FROM audit_log ORDER BY id DESC LIMIT 1");
        return row;
    }

    private sealed class NoRenderer : IMessageRenderer
    {
        public RenderedMessage Render(Bot.Core.Articles.Article article, Destination destination, EmailRecipient? recipient) =>
            throw new NotSupportedException("no rendering in these tests");
    }
}
