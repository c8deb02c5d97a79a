using Bot.IntegrationTests.Support;
using Bot.Core.Admin;
using Bot.Channels.Telegram;
using Bot.Channels.Telegram.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramAdminCommandsTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "telegram-admin-" + Guid.NewGuid().ToString("N"));
    private readonly ObservedTimeProvider clock = new();
    private ServiceProvider provider = null!;
    private SqlOutbox deliveries = null!;
    private IArticleStore articles = null!;
    private AdminCommands commands = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = "sqlite", ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "bot.db")}" })
            .Build();
        provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddBotStorage(configuration).BuildServiceProvider();
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        deliveries = new SqlOutbox(provider.GetRequiredService<IDbConnectionFactory>(), clock);
        articles = provider.GetRequiredService<IArticleStore>();
        var destination = new Destination("gaza-desk", ChannelNames.Telegram, "-1001", null, DestinationFilter.Everything);
        await deliveries.Destinations.SyncAsync([destination], CancellationToken.None);
        commands = TestAdminCommands.Create(
            provider.GetRequiredService<IDbConnectionFactory>(), articles, deliveries, new DestinationCatalog([destination]),
            new MessageRenderer(TemplatesFolder(), clock), clock, new AdminGrant(ChannelNames.Telegram, ["42"]));
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Pause_KnownDestination_PausedAndReplyEscapedHtml()
    {
        var reply = await ExecuteAsync(Command("pause", "gaza-desk"), CancellationToken.None);

        Assert.True((await deliveries.Destinations.ListAsync(CancellationToken.None)).Single().Paused);
        AssertValidReply(reply, "gaza-desk paused");
    }

    [Fact]
    public async Task Pause_UnknownDestination_NothingChanges()
    {
        var reply = await ExecuteAsync(Command("pause", "<nope>"), CancellationToken.None);

        Assert.False((await deliveries.Destinations.ListAsync(CancellationToken.None)).Single().Paused);
        AssertValidReply(reply, "No destination <nope>");
    }

    [Fact]
    public async Task Resume_AfterPause_Active()
    {
        await ExecuteAsync(Command("pause", "gaza-desk"), CancellationToken.None);

        await ExecuteAsync(Command("resume", "gaza-desk"), CancellationToken.None);
        var list = await ExecuteAsync(Command("destinations", ""), CancellationToken.None);

        AssertValidReply(list, "gaza-desk (telegram) — active");
    }

    [Fact]
    public async Task ArticlesAndPreview_ImportedReferenceArticle_ListedAndPreviewIsTheRenderedMessage()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");
        var article = Assert.IsType<ArticleReadResult.Success>(ArticleFileReader.ReadFile(path, clock.GetUtcNow())).Article;
        var imported = await articles.ImportAsync(article, CancellationToken.None);

        var list = await ExecuteAsync(Command("articles", ""), CancellationToken.None);
        var preview = await ExecuteAsync(Command("preview", article.Key), CancellationToken.None);

        AssertValidReply(list, article.Key);
        Assert.Contains(article.Title, TelegramHtmlValidator.Parse(preview.Parts[0].Html).Text, StringComparison.Ordinal);
        Assert.NotNull(imported);
    }

    [Fact]
    public async Task HelpStatusRetry_AlwaysValidTelegramHtml()
    {
        foreach (var name in new[] { "help", "status", "retry", "preview", "nonsense" })
        {
            AssertValidReply(await ExecuteAsync(Command(name, ""), CancellationToken.None), string.Empty);
        }
    }

    private static TelegramCommand Command(string name, string arguments) => new(name, arguments, 42, 42, IsPrivateChat: true, MessageId: 1);

    private async Task<TelegramMessage> ExecuteAsync(TelegramCommand command, CancellationToken cancellationToken) =>
        TelegramAdminReplyFormatter.Format(await commands.ExecuteAsync(command.Caller, AdminChatCommand.Parse(command.Name, command.Arguments), cancellationToken));

    private static void AssertValidReply(TelegramMessage reply, string expected)
    {
        var parsed = TelegramHtmlValidator.Parse(Assert.Single(reply.Parts).Html);
        Assert.Null(parsed.Error);
        Assert.Contains(expected, parsed.Text, StringComparison.Ordinal);
        Assert.True(parsed.CodePoints <= 4096);
    }

    private static string TemplatesFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "config", "templates")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "config", "templates");
    }
    [Fact]
    public async Task CommandService_AdminAndStranger_AdminAnsweredStrangerRefusedMenuPublished()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var service = CommandService(harness);
        using var stop = new CancellationTokenSource();
        harness.Api.InjectMessage(42, 42, "/pause@" + harness.Api.Options.BotUsername + " gaza-desk");
        harness.Api.InjectMessage(77, 77, "/pause gaza-desk");
        harness.Api.InjectMessage(-500, 42, "/status@other_bot", chatType: "group");

        var running = service.RunAsync(stop.Token);
        await harness.WaitForRequestsAsync("77", 1);
        await harness.WaitForRequestsAsync("42", 1);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(AdminMenu.Entries.Count, harness.Api.Commands.Count);
        Assert.Contains("paused", Assert.Single(harness.Api.VisibleMessages("42")).Text, StringComparison.Ordinal);
        Assert.Equal(TelegramCommandService.Refusal, Assert.Single(harness.Api.VisibleMessages("77")).Text);
        Assert.Empty(harness.Api.RequestsTo("-500"));
        Assert.True((await deliveries.Destinations.ListAsync(CancellationToken.None)).Single().Paused);
        var audit = Assert.Single(await deliveries.Audit.ListAsync(10, null, CancellationToken.None));
        Assert.Equal(("telegram:42", "telegram-command", "chat:42"), (audit.Actor, audit.Action, audit.Origin));
    }

    [Fact]
    public async Task CommandService_ReplyHeldBackWith429_SentAgainAfterRetryAfter()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var service = CommandService(harness);
        using var stop = new CancellationTokenSource();
        harness.Api.FailChat("42", new FakeTelegramFailure(429, "Too Many Requests: retry after 5", RetryAfter: 5), times: 1);
        harness.Api.InjectMessage(42, 42, "/status");

        var running = service.RunAsync(stop.Token);
        await harness.WaitForRequestsAsync("42", 1);
        Assert.Empty(harness.Api.VisibleMessages("42"));
        await Eventually.HoldsAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return harness.Api.RequestsTo("42").Count >= 2;
        }, "the held-back reply is sent again");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(2, harness.Api.RequestsTo("42").Count);
        Assert.Single(harness.Api.VisibleMessages("42"));
    }

    /// <summary>The command service polling <paramref name="harness"/>'s fake, admin 42, on the test clock.</summary>
    private TelegramCommandService CommandService(TelegramHarness harness) => new(
        Microsoft.Extensions.Options.Options.Create(new TelegramOptions
        {
            BotToken = harness.Api.Token,
            ApiBaseUrl = harness.Api.BaseUrl,
            PollTimeout = TimeSpan.FromSeconds(1),
            Admins = [42],
        }),
        commands,
        new TelegramDirectMessages(harness.Sender, null, clock),
        clock,
        Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
}
