using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Timing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Support;

/// <summary>A dispatcher wired to in-memory stores, scripted senders and a fake clock.</summary>
public sealed class DispatchHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    public DispatchHarness(
        IReadOnlyList<Destination> destinations,
        RetryOptions? retry = null,
        PacingOptions? pacing = null,
        DispatchOptions? options = null,
        bool yieldInSends = false)
    {
        Destinations = destinations;
        Recipients = new InMemoryRecipientDirectory();
        Chats = new InMemoryTelegramSubscriberStore(Clock);
        Store = new InMemoryDeliveryStore(Clock, Recipients, Chats);
        Senders = ChannelNames.All.ToDictionary(c => c, c => new ScriptedChannelSender(c) { Yield = yieldInSends });
        Options = options ?? new DispatchOptions { MaxPacingWait = TimeSpan.Zero, FanOutPageSize = 2 };
        Dispatcher = new DeliveryDispatcher(
            Store, Articles, new FakeRenderer(), Recipients,
            new ChannelSenderSet(Senders.Values, new HashSet<string>()),
            new DestinationCatalog(destinations),
            new RetrySchedule(retry ?? new RetryOptions { Jitter = RetryJitter.None, BaseDelay = TimeSpan.FromSeconds(2), MaxAttempts = 5 }, Clock, new Random(1)),
            new SendPacer(pacing ?? new PacingOptions { Channels = [] }, Clock),
            new LeaseClock(new LeaseOptions(), Clock),
            Options, Clock, NullLogger<DeliveryDispatcher>.Instance, Notices, Chats);
        Store.SyncDestinationsAsync(destinations, CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public CollectingAdminNotifier Notices { get; } = new();
    public IReadOnlyList<Destination> Destinations { get; }
    public InMemoryArticleStore Articles { get; } = new();
    public InMemoryRecipientDirectory Recipients { get; }
    public InMemoryTelegramSubscriberStore Chats { get; }
    public InMemoryDeliveryStore Store { get; }
    public Dictionary<string, ScriptedChannelSender> Senders { get; }
    public DispatchOptions Options { get; }
    public DeliveryDispatcher Dispatcher { get; }

    public ScriptedChannelSender Telegram => Senders[ChannelNames.Telegram];
    public ScriptedChannelSender Discord => Senders[ChannelNames.Discord];
    public ScriptedChannelSender Email => Senders[ChannelNames.Email];

    /// <summary>Stores an article version as an import would, and plans it.</summary>
    public async Task<int> ImportAndPlanAsync(Article article)
    {
        Articles.Put(article);
        Store.MarkImported(article.Key, article.Version);
        return await Dispatcher.PlanPendingAsync(CancellationToken.None);
    }

    /// <summary>Dispatches rounds until nothing is due now; returns the deliveries processed.</summary>
    public async Task<int> DrainAsync()
    {
        var total = 0;
        for (var round = 0; round < 1000; round++)
        {
            var n = await Dispatcher.DispatchOnceAsync(CancellationToken.None);
            if (n == 0) return total;
            total += n;
        }
        throw new InvalidOperationException("the outbox never drained");
    }

    public DeliveryRecord Single(string destination, DeliveryKind kind, int? version = null) =>
        Store.All.Single(r => r.Destination == destination && r.Kind == kind && (version is null || r.ArticleVersion == version));

    public static Destination Tg(string name = "tg", string chat = "-100") => new(name, ChannelNames.Telegram, chat, null, DestinationFilter.Everything);

    public static Destination Dc(string name = "dc", string channel = "42") => new(name, ChannelNames.Discord, channel, null, DestinationFilter.Everything);

    public static Destination Mail(string name = "mail", bool corrections = false) =>
        new(name, ChannelNames.Email, "", null, DestinationFilter.Everything) { SendCorrections = corrections };
}
