using Bot.Channels.DryRun;
using Bot.Core.Admin;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Delivery.Timing;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.ChatSubscriptions;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox, the email subscriber lookup and the Telegram private-chat subscribers, for every verb that reads or changes deliveries.</summary>
    public static IServiceCollection AddBotDeliveryStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IDeliveryStore>(sp => new SqlDeliveryStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IRecipientDirectory>(sp => new SqlRecipientDirectory(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddTelegramSubscriberStore();
        services.TryAddSingleton<IRepublishLedger>(sp => new SqlRepublishLedger(sp.GetRequiredService<IDbConnectionFactory>()));
        return services;
    }

    /// <summary>
    /// The dispatcher of <c>bot run</c>: options from <c>Delivery</c> (<c>:Retry</c>, <c>:Pacing</c>, <c>:Lease</c>),
    /// destinations from <c>Telegram|Discord|Email:Destinations</c>, an <see cref="IChannelSender"/> per channel
    /// (the one registered for it when its credentials are set, else the dry-run sender) and the hosted
    /// <see cref="DeliveryWorker"/>. Needs the store (<c>AddBotStorage</c>); the templates come from <c>Delivery:TemplatesFolder</c> unless an <see cref="IMessageRenderer"/> is registered first. Anything that imports articles in-process may call <see cref="DeliverySignal.Notify"/>.
    /// </summary>
    public static IServiceCollection AddBotDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotDeliveryStore();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DeliveryHostOptions>().Bind(configuration.GetSection("Delivery"));
        AddValidated<DispatchOptions>(services, configuration, "Delivery", o => o.Validate());
        AddValidated<RetryOptions>(services, configuration, "Delivery:Retry", o => o.Validate());
        AddValidated<LeaseOptions>(services, configuration, "Delivery:Lease", o => o.Duration > TimeSpan.Zero ? [] : ["Delivery:Lease:Duration must be positive"]);
        services.AddOptions<PacingOptions>()
            .Configure(o =>
            {
                // The binder appends to lists it finds filled: a configured channel replaces its defaults instead.
                var section = configuration.GetSection("Delivery:Pacing:Channels");
                foreach (var channel in section.GetChildren())
                {
                    var budgets = new List<RateBudget>();
                    channel.Bind(budgets);
                    o.Channels[channel.Key] = budgets;
                }
            })
            .Validate(o => !o.Validate().Any(), "Delivery:Pacing is invalid")
            .ValidateOnStart();

        var dry = ChannelCredentials.DryChannels(configuration);
        services.TryAddSingleton(_ => new DestinationCatalog(DeliveryConfiguration.ReadDestinations(configuration, dry)));
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
        services.TryAddSingleton(sp => new RetrySchedule(sp.GetRequiredService<IOptions<RetryOptions>>().Value, sp.GetRequiredService<TimeProvider>(), new Random()));
        services.TryAddSingleton(sp => new SendPacer(sp.GetRequiredService<IOptions<PacingOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new LeaseClock(sp.GetRequiredService<IOptions<LeaseOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DispatchOptions>>().Value);
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<DeliveryDispatcher>();
        services.TryAddSingleton<DispatchLoop>();
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
            sp.GetRequiredService<IDeliveryStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DeliveryDispatcher>().WorkAvailable));
        services.TryAddSingleton(sp => new ArticleRepublisher(
            sp.GetRequiredService<IArticleStore>(), sp.GetRequiredService<IDeliveryStore>(), sp.GetRequiredService<IRepublishLedger>(),
            sp.GetRequiredService<DestinationCatalog>(), sp.GetRequiredService<DeliveryDispatcher>().WorkAvailable, sp.GetRequiredService<TimeProvider>()));
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
