using Bot.Core.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Storage;
using Bot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Admin;

public sealed class AdminCommandsTests
{
    private static readonly AdminCaller TelegramAdmin = AdminCaller.Chat(ChannelNames.Telegram, "42");
    private static readonly Destination News = new("news", ChannelNames.Telegram, "-1001", null, DestinationFilter.Everything);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _deliveries;
    private readonly InMemoryArticleStore _articles = new();
    private readonly Statistics _statistics = new();
    private readonly List<ImportResult> _stored = [];
    private readonly AdminCommands _commands;

    public AdminCommandsTests()
    {
        _deliveries = new InMemoryDeliveryStore(_clock);
        _deliveries.SyncAsync([News], CancellationToken.None).GetAwaiter().GetResult();
        var catalog = new DestinationCatalog([News]);
        var actions = new AdminActions(_deliveries, _deliveries, _clock);
        _commands = new AdminCommands(
            new AdminAuthorization([new AdminGrant(ChannelNames.Telegram, ["42"]), new AdminGrant("http", ["admin"])]),
            new DestinationCommands(_deliveries, _statistics, catalog, actions),
            new ArticleCommands(_articles, _deliveries, catalog, new FakeRenderer(), _clock, stored: _stored.Add),
            new DeliveryCommands(_deliveries, actions),
            _deliveries,
            _clock);
    }

    [Fact]
    public async Task Execute_StrangerPauses_RefusedNothingChangedNothingAudited()
    {
        var stranger = AdminCaller.Chat(ChannelNames.Telegram, "77");

        var reply = await _commands.ExecuteAsync(stranger, AdminChatCommand.Parse("pause", "news"), CancellationToken.None);

        Assert.IsType<AdminReply.Refused>(reply);
        Assert.False(_commands.Allows(stranger));
        Assert.False(_deliveries.Destinations.Single().Paused);
        Assert.Empty(_deliveries.Audit);
    }

    [Fact]
    public async Task Execute_SameIdOnAnotherSurface_Refused()
    {
        var reply = await _commands.ExecuteAsync(AdminCaller.Chat(ChannelNames.Discord, "42"), AdminChatCommand.Parse("status", ""), CancellationToken.None);

        Assert.IsType<AdminReply.Refused>(reply);
    }

    [Fact]
    public async Task Execute_ChatRead_AuditedAsAsked()
    {
        var reply = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("destinations", ""), CancellationToken.None);

        Assert.Equal([new AdminDestination("news", ChannelNames.Telegram, "-1001", true, false, false, null)], Assert.IsType<AdminReply.DestinationList>(reply).Destinations);
        Assert.Equal([("telegram:42", "telegram-command", "/destinations", "1 listed")], _deliveries.Audit);
    }

    [Fact]
    public async Task Execute_HttpReadThenPause_OnlyTheChangeAudited()
    {
        await _commands.ExecuteAsync(AdminCaller.Http, new AdminRequest.Status { Asked = "status" }, CancellationToken.None);
        var reply = await _commands.ExecuteAsync(AdminCaller.Http, new AdminRequest.Pause("NEWS") { Asked = "pause NEWS" }, CancellationToken.None);

        Assert.Equal(new AdminDestination("news", ChannelNames.Telegram, "-1001", true, true, false, null), Assert.IsType<AdminReply.DestinationChanged>(reply).Destination);
        Assert.Equal([("http:admin", "http-command", "pause NEWS", "paused")], _deliveries.Audit);
    }

    [Fact]
    public async Task Execute_PauseUnknownName_NotFoundAndAuditedAsSuch()
    {
        var reply = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("pause", "nope"), CancellationToken.None);

        Assert.Equal(new AdminReply.NotFound(AdminSubject.Destination, "nope"), reply);
        Assert.Equal([("telegram:42", "telegram-command", "/pause nope", "unknown destination")], _deliveries.Audit);
    }

    [Fact]
    public async Task Execute_StatusWhileTheStoreFails_StoreDownNotAnException()
    {
        _statistics.Fails = true;

        var reply = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("status", ""), CancellationToken.None);

        Assert.Equal(new AdminReply.Status(false, [], []), reply);
    }

    [Fact]
    public async Task Execute_Status_CountsFromTheStatistics()
    {
        _statistics.Counts = [new DeliveryCount("news", DeliveryStatus.Dead, 2500), new DeliveryCount("news", DeliveryStatus.Sent, 3)];

        var reply = Assert.IsType<AdminReply.Status>(await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("status", ""), CancellationToken.None));

        Assert.True(reply.StoreUp);
        Assert.Equal(_statistics.Counts, reply.Counts);
        Assert.Equal("Status\nqueued: 0\nfailed: 0\nheld: 0\ndead: 2500\ndestinations: 1, paused 0, disabled 0", AdminReplyText.Of(reply).ToString());
    }

    [Fact]
    public async Task Execute_RetractTwice_StoredOnceThenAlreadyRetracted()
    {
        _articles.Put(TestArticles.Make(key: "a-1"));

        var first = await _commands.ExecuteAsync(AdminCaller.Http, new AdminRequest.Retract("a-1") { Asked = "retract a-1" }, CancellationToken.None);
        var second = await _commands.ExecuteAsync(AdminCaller.Http, new AdminRequest.Retract("a-1") { Asked = "retract a-1" }, CancellationToken.None);

        var stored = Assert.Single(_stored);
        Assert.Equal(stored, Assert.IsType<AdminReply.Retracted>(first).Version);
        Assert.Equal(new AdminReply.AlreadyRetracted("a-1", stored.Version), second);
        Assert.True((await _articles.GetAsync("a-1", null, CancellationToken.None))!.Retracted);
        Assert.Equal(
            [("http:admin", "http-command", "retract a-1", $"retracted as version {stored.Version}"), ("http:admin", "http-command", "retract a-1", "already retracted")],
            _deliveries.Audit);
    }

    [Fact]
    public async Task Execute_PublishAndSubscribersWhereNotRegistered_UnknownCommands()
    {
        var publish = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("publish", "a-1"), CancellationToken.None);
        var subscribers = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("subscribers", ""), CancellationToken.None);

        Assert.Equal(new AdminReply.UnknownCommand("publish"), publish);
        Assert.Equal(new AdminReply.UnknownCommand("subscribers"), subscribers);
    }

    [Fact]
    public async Task Execute_PreviewOnAnUnknownChannel_UnknownChannel()
    {
        _articles.Put(TestArticles.Make(key: "a-1"));

        var reply = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("preview", "a-1 Fax"), CancellationToken.None);

        Assert.Equal(new AdminReply.UnknownChannel("fax"), reply);
        Assert.Equal("bad channel", _deliveries.Audit.Single().Detail);
    }

    [Fact]
    public async Task Execute_PreviewOnTelegram_RenderedForTheConfiguredDestination()
    {
        _articles.Put(TestArticles.Make(key: "a-1", title: "Title"));

        var reply = await _commands.ExecuteAsync(TelegramAdmin, AdminChatCommand.Parse("preview", "a-1"), CancellationToken.None);

        var preview = Assert.IsType<AdminReply.Preview>(reply);
        Assert.Equal(("telegram", "news"), (preview.Channel, preview.Destination));
        Assert.Equal("<b>Title</b> v1", Assert.IsType<TelegramMessage>(preview.Message).Parts[0].Html);
    }

    private sealed class Statistics : IDeliveryStatistics
    {
        public IReadOnlyList<DeliveryCount> Counts { get; set; } = [];

        public bool Fails { get; set; }

        public Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken) =>
            Fails ? throw new InvalidOperationException("the store is down") : Task.FromResult(Counts);

        public Task<IReadOnlyList<OldestDue>> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OldestDue>>([]);
    }
}
