using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Delivery.Sending;
using Bot.Core.Delivery.Store;
using Bot.Core.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Support;

/// <summary>The delivery engine's stages wired to in-memory stores, scripted senders and a fake clock.</summary>
public sealed class DispatchHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Channel traits as the channels state them.</summary>
    public static readonly IReadOnlyList<ChannelTraits> Traits =
    [
        new(ChannelNames.Telegram, EditsInPlace: true, RendersPerRecipient: false, ListAudience: Audience.ChatSubscribers),
        new(ChannelNames.Discord, EditsInPlace: true, RendersPerRecipient: false, ListAudience: Audience.Single),
        new(ChannelNames.Email, EditsInPlace: false, RendersPerRecipient: true, ListAudience: Audience.MailingList),
    ];

    public DispatchHarness(
        IReadOnlyList<Destination> destinations,
        RetryOptions? retry = null,
        PacingOptions? pacing = null,
        DispatchOptions? options = null,
        bool yieldInSends = false,
        IMessageRenderer? renderer = null,
        string owner = "test-host")
        : this(destinations, new FakeTimeProvider(Start), null, retry, pacing, options, yieldInSends, renderer, owner)
    {
    }

    /// <summary>A second dispatcher on the same store and clock, as another host would be.</summary>
    public DispatchHarness OtherHost(string owner = "other-host") =>
        new(Destinations, Clock, this, null, null, Options, false, null, owner);

    private DispatchHarness(
        IReadOnlyList<Destination> destinations,
        FakeTimeProvider clock,
        DispatchHarness? shared,
        RetryOptions? retry,
        PacingOptions? pacing,
        DispatchOptions? options,
        bool yieldInSends,
        IMessageRenderer? renderer,
        string owner)
    {
        Clock = clock;
        Catalog = new DestinationCatalog(destinations, Traits);
        Destinations = Catalog.All;
        Recipients = shared?.Recipients ?? new InMemoryRecipientDirectory();
        Chats = shared?.Chats ?? new InMemoryTelegramSubscriberStore(Clock);
        Store = shared?.Store ?? new InMemoryDeliveryStore(Clock, Recipients, Chats);
        Articles = shared?.Articles ?? new InMemoryArticleStore();
        Notices = shared?.Notices ?? new CollectingAdminNotifier();
        Senders = shared?.Senders ?? ChannelNames.All.ToDictionary(c => c, c => new ScriptedChannelSender(c) { Yield = yieldInSends });
        Options = options ?? new DispatchOptions { MaxPacingWait = TimeSpan.Zero, FanOutPageSize = 2 };
        Pacer = new SendPacer(pacing ?? new PacingOptions { Channels = [] }, Clock);
        Owner = new LeaseOwner(owner);
        Leases = new LeaseClock(new LeaseOptions(), Clock);

        var retrySchedule = new RetrySchedule(retry ?? new RetryOptions { Jitter = RetryJitter.None, BaseDelay = TimeSpan.FromSeconds(2), MaxAttempts = 5 }, Clock, new Random(1));
        var effects = new OutcomeEffects(Pacer, Store, Store, Recipients, Clock, NullLogger<OutcomeEffects>.Instance, Notices, Chats);
        LeaseKeeper = new LeaseKeeper(Store, Leases, Owner, NullLogger<LeaseKeeper>.Instance, Clock);
        Pipeline = new DeliveryPipeline(
            new DeliveryClaimer(Store, Pacer, Catalog, Leases, Owner, Options, Clock),
            new ClaimPreparer(Articles, Store, Recipients, Catalog, Chats),
            new SendStep(new ChannelSenderSet(Senders.Values, new HashSet<string>()), new RenderCache(renderer ?? new FakeRenderer()), Pacer, Clock, NullLogger<SendStep>.Instance),
            new OutcomePolicy(retrySchedule, Options),
            effects,
            new OutcomeRecorder(Store, effects, Clock, NullLogger<OutcomeRecorder>.Instance),
            LeaseKeeper,
            Store,
            Owner,
            Options,
            Clock,
            NullLogger<DeliveryPipeline>.Instance);
        Planning = new PlanningRound(Store, Store, Articles, Catalog, Leases, Owner, Options, Pipeline.WorkAvailable, Clock, NullLogger<PlanningRound>.Instance);
        if (shared is null) Store.SyncAsync(Destinations, CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; }
    public CollectingAdminNotifier Notices { get; }
    public DestinationCatalog Catalog { get; }
    public IReadOnlyList<Destination> Destinations { get; }
    public InMemoryArticleStore Articles { get; }
    public InMemoryRecipientDirectory Recipients { get; }
    public InMemoryTelegramSubscriberStore Chats { get; }
    public InMemoryDeliveryStore Store { get; }
    public Dictionary<string, ScriptedChannelSender> Senders { get; }
    public DispatchOptions Options { get; }
    public SendPacer Pacer { get; }
    public LeaseOwner Owner { get; }
    public LeaseClock Leases { get; }
    public LeaseKeeper LeaseKeeper { get; }
    public PlanningRound Planning { get; }

    /// <summary>What <c>/publish</c> does, on this harness's stores.</summary>
    public ArticleRepublisher Republisher => new(Articles, Store, Store, Store, Store, Catalog, Pipeline.WorkAvailable, Clock);
    public DeliveryPipeline Pipeline { get; }

    public ScriptedChannelSender Telegram => Senders[ChannelNames.Telegram];
    public ScriptedChannelSender Discord => Senders[ChannelNames.Discord];
    public ScriptedChannelSender Email => Senders[ChannelNames.Email];

    /// <summary>Stores an article version as an import would, and plans it.</summary>
    public async Task<int> ImportAndPlanAsync(Article article)
    {
        Articles.Put(article);
        Store.MarkImported(article.Key, article.Version);
        return await Planning.RunAsync(CancellationToken.None);
    }

    /// <summary>Plans one version again, as a second planning of it would.</summary>
    public Task<int> PlanAsync(string key, int version) => Planning.PlanAsync(new ArticleVersionRef(key, version), CancellationToken.None);

    /// <summary>Dispatches rounds until nothing is due now; returns the deliveries processed.</summary>
    public async Task<int> DrainAsync()
    {
        var total = 0;
        for (var round = 0; round < 1000; round++)
        {
            var n = await Pipeline.RunRoundAsync(CancellationToken.None);
            if (n == 0) return total;
            total += n;
        }
        throw new InvalidOperationException("the outbox never drained");
    }

    public DeliveryRecord Single(string destination, DeliveryKind kind, int? version = null) =>
        Store.All.Single(r => r.Destination == destination && r.Kind == kind && (version is null || r.ArticleVersion == version));

    public static Destination Tg(string name = "tg", string chat = "-100") => new Destination(name, ChannelNames.Telegram, chat, null, DestinationFilter.Everything).Traited();

    public static Destination Dc(string name = "dc", string channel = "42") => new Destination(name, ChannelNames.Discord, channel, null, DestinationFilter.Everything).Traited();

    public static Destination Mail(string name = "mail", bool corrections = false) =>
        new Destination(name, ChannelNames.Email, "", null, DestinationFilter.Everything) { SendCorrections = corrections }.Traited();
}
