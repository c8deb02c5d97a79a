using Bot.Core.Audit;
using Bot.Channels.Discord;
using Bot.Channels.DryRun;
using Bot.Channels.Email;
using Bot.Channels.Telegram;
using Bot.Core.Admin;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Delivery.Sending;
using Bot.Core.Delivery.Store;
using Bot.Core.Hosts;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Host.Hosts;
using Bot.Storage;
using Bot.Storage.ChatSubscriptions;
using Bot.Storage.Audit;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Each channel's traits, as its folder states them.</summary>
    public static IReadOnlyList<ChannelTraits> ChannelTraits { get; } = [TelegramTraits.Traits, DiscordTraits.Traits, EmailTraits.Traits];

    /// <summary>The outbox by role (its counts too), the email subscriber lookup and the Telegram private-chat subscribers, for every verb that reads or changes deliveries.</summary>
    public static IServiceCollection AddBotDeliveryStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IPlanningStore>(sp => new SqlPlanningStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IClaimStore>(sp => new SqlClaimStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOutcomeStore>(sp => new SqlOutcomeStore(sp.GetRequiredService<IDbConnectionFactory>()));
        services.TryAddSingleton<IDeliveryQueries>(sp => new SqlDeliveryQueries(sp.GetRequiredService<IDbConnectionFactory>()));
        services.TryAddSingleton<IDeliveryStatistics>(sp => new SqlDeliveryStatistics(sp.GetRequiredService<IDbConnectionFactory>()));
        services.TryAddSingleton<IDestinationStore>(sp => new SqlDestinationStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAuditLog>(sp => new SqlAuditLog(sp.GetRequiredService<IDbConnectionFactory>()));
        services.TryAddSingleton<IRecipientDirectory>(sp => new SqlRecipientDirectory(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddTelegramSubscriberStore();
        services.TryAddSingleton<IRepublishLedger>(sp => new SqlRepublishLedger(sp.GetRequiredService<IDbConnectionFactory>()));
        return services;
    }

    /// <summary>
    /// The delivery engine of <c>bot run</c>: options from <c>Delivery</c> (<c>:Retry</c>, <c>:Pacing</c>, <c>:Lease</c>),
    /// destinations from <c>Telegram|Discord|Email:Destinations</c> with their channel's traits, an
    /// <see cref="IChannelSender"/> per channel (the one registered for it when its credentials are set, else the
    /// dry-run sender), the stages of the pipeline and the hosted <see cref="DeliveryWorker"/>. Needs the store
    /// (<c>AddBotStorage</c>); the templates come from <c>Delivery:TemplatesFolder</c> unless an
    /// <see cref="IMessageRenderer"/> is registered first. Anything that imports articles in-process may call
    /// <see cref="DeliverySignal.Notify"/>.
    /// </summary>
    public static IServiceCollection AddBotDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotDeliveryStore();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DeliveryHostOptions>().Bind(configuration.GetSection("Delivery"));
        AddValidated<DispatchOptions>(services, configuration, "Delivery", o => o.Validate());
        AddValidated<RetryOptions>(services, configuration, "Delivery:Retry", o => o.Validate());
        AddValidated<LeaseOptions>(services, configuration, "Delivery:Lease", o => o.Duration > TimeSpan.Zero ? [] : [$"Delivery:Lease:Duration: '{o.Duration}' must be positive"]);
        services.TryAddSingleton(_ =>
        {
            var (pacing, problems) = PacingConfiguration.Read(configuration);
            return problems.Count == 0
                ? pacing
                : throw new Cli.UserErrorException($"configuration: {problems[0].Key}: {problems[0].Message}");
        });

        var dry = ChannelCredentials.DryChannels(configuration);
        services.TryAddSingleton(_ => new DestinationCatalog(DeliveryConfiguration.ReadDestinations(configuration, dry), ChannelTraits));
        services.TryAddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var host = sp.GetRequiredService<IOptions<DeliveryHostOptions>>().Value;
            var registered = sp.GetServices<IChannelSender>().ToList();
            var senders = new List<IChannelSender>();
            var effectiveDry = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var channel in ChannelNames.All)
            {
                var real = registered.FirstOrDefault(s => s.Channel.Equals(channel, StringComparison.OrdinalIgnoreCase));
                if (dry.Contains(channel) || real is null)
                {
                    senders.Add(new DryRunChannelSender(channel, host.DataDirectory, time, host.DryRunLatency));
                    effectiveDry.Add(channel);
                }
                else
                {
                    senders.Add(real);
                }
            }
            return new ChannelSenderSet(senders, effectiveDry);
        });

        services.TryAddSingleton<IMessageRenderer>(sp => new MessageRenderer(
            sp.GetRequiredService<IOptions<DeliveryHostOptions>>().Value.ResolveTemplatesFolder(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DispatchOptions>>().Value);
        services.TryAddSingleton(Hosting.HostName.From(configuration));
        services.TryAddSingleton(sp => new LeaseOwner(sp.GetRequiredService<Hosting.HostName>().Value));
        services.TryAddSingleton(sp => new LeaseClock(sp.GetRequiredService<IOptions<LeaseOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new RetrySchedule(sp.GetRequiredService<IOptions<RetryOptions>>().Value, sp.GetRequiredService<TimeProvider>(), new Random()));
        services.AddBotHosts(configuration);
        services.AddBotSendPacer();
        services.TryAddSingleton<DeliverySignal>();

        // The stages, in the order a delivery meets them.
        services.TryAddSingleton(sp => new PlanningRound(
            sp.GetRequiredService<IPlanningStore>(), sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IArticleStore>(),
            sp.GetRequiredService<DestinationCatalog>(), sp.GetRequiredService<LeaseClock>(), sp.GetRequiredService<LeaseOwner>(),
            sp.GetRequiredService<DispatchOptions>(), sp.GetRequiredService<DeliveryPipeline>().WorkAvailable, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PlanningRound>>(), sp.GetRequiredService<IHostSignals>()));
        services.TryAddSingleton<DeliveryClaimer>();
        services.TryAddSingleton(sp => new ClaimPreparer(
            sp.GetRequiredService<IArticleStore>(), sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IRecipientDirectory>(),
            sp.GetRequiredService<DestinationCatalog>(), sp.GetService<ITelegramSubscriberStore>()));
        services.TryAddSingleton<LeaseKeeper>();
        services.TryAddSingleton<RenderCache>();
        services.TryAddSingleton(sp => new SendStep(
            sp.GetRequiredService<ChannelSenderSet>(), sp.GetRequiredService<RenderCache>(), sp.GetRequiredService<ISendPacer>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SendStep>>(), sp.GetService<IDeliveryObserver>()));
        services.TryAddSingleton<OutcomePolicy>();
        services.TryAddSingleton(sp => new OutcomeEffects(
            sp.GetRequiredService<ISendPacer>(), sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<IRecipientDirectory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutcomeEffects>>(),
            sp.GetService<IAdminNotifier>(), sp.GetService<ITelegramSubscriberStore>()));
        services.TryAddSingleton<OutcomeRecorder>();
        services.TryAddSingleton<DeliveryPipeline>();
        services.TryAddSingleton(sp => new DispatchLoop(
            sp.GetRequiredService<PlanningRound>(), sp.GetRequiredService<DeliveryPipeline>(), sp.GetRequiredService<DeliverySignal>(),
            sp.GetRequiredService<DispatchOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DispatchLoop>>(),
            sp.GetRequiredService<ILeaderElector>()));
        services.AddHostedService<DeliveryWorker>();

        // Admin notices: a channel may register its own sink first (Telegram does when it has a token).
        AddValidated<AdminNoticeOptions>(services, configuration, "Delivery:AdminNotices", o => o.Validate());
        services.TryAddSingleton<IAdminNoticeSink, LoggingAdminNoticeSink>();
        services.TryAddSingleton(sp => new AdminNoticeQueue(
            sp.GetRequiredService<IOptions<AdminNoticeOptions>>().Value, sp.GetRequiredService<IAdminNoticeSink>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AdminNoticeQueue>>()));
        services.TryAddSingleton<IAdminNotifier>(sp => sp.GetRequiredService<AdminNoticeQueue>());
        services.AddHostedService<AdminNoticeWorker>();

        services.TryAddSingleton(sp => new AdminActions(
            sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IOutcomeStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DeliveryPipeline>().WorkAvailable));
        services.TryAddSingleton(sp => new ArticleRepublisher(
            sp.GetRequiredService<IArticleStore>(), sp.GetRequiredService<IPlanningStore>(), sp.GetRequiredService<IDestinationStore>(),
            sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<IRepublishLedger>(), sp.GetRequiredService<DestinationCatalog>(),
            sp.GetRequiredService<DeliveryPipeline>().WorkAvailable, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static void AddValidated<T>(IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate)
        where T : class
    {
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new DelegateValidation<T>(validate));
    }
}
