using Bot.Core.Admin.Sessions;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Store;
using Bot.Core.Hosts;
using Bot.Core.Storage;
using Bot.Host.Delivery;
using Bot.Host.Hosting;
using Bot.Storage;
using Bot.Storage.Hosts;
using Bot.Storage.Pacing;
using Bot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Hosts;

public static class HostsServiceCollectionExtensions
{
    /// <summary>
    /// What reads the hosts sharing the store (<c>bot hosts</c>, the admin pages, <c>/metrics</c>): <c>Host</c> options
    /// (<see cref="ElectionOptions"/>), this host's <see cref="LeaseOwner"/>, the heartbeat table and the singleton leases.
    /// </summary>
    public static IServiceCollection AddBotHostsStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ElectionOptions>().Bind(configuration.GetSection("Host")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElectionOptions>>(new DelegateValidation<ElectionOptions>(o => o.Validate())));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ElectionOptions>>().Value);
        services.TryAddSingleton(HostName.From(configuration));
        services.TryAddSingleton(sp => new LeaseOwner(sp.GetRequiredService<HostName>().Value));
        services.TryAddSingleton<IHostRegistry>(sp => new SqlHostRegistry(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LiveHosts>();
        return services;
    }

    /// <summary>
    /// Several hosts on one store: the election of singletons (lease rows on PostgreSQL; on SQLite this host runs them
    /// all), the heartbeat, the signals between hosts (NOTIFY/LISTEN), the send budgets shared through the store, the
    /// maintenance sweeps, and each singleton's fenced view of the bot's state.
    /// </summary>
    public static IServiceCollection AddBotHosts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotHostsStore(configuration);
        services.TryAddSingleton<IHostSignals>(sp => Postgres(sp) is { } factory
            ? new PostgresHostSignals(factory, sp.GetRequiredService<ILogger<PostgresHostSignals>>())
            : NoHostSignals.Instance);
        services.TryAddSingleton<ILeaderElector>(sp => Postgres(sp) is { } factory
            ? new StoreLeaderElector(new PostgresSingletonStore(factory), sp.GetRequiredService<LeaseOwner>(), sp.GetRequiredService<ElectionOptions>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<StoreLeaderElector>>(), sp.GetRequiredService<IHostSignals>())
            : new AlwaysLeaderElector(sp.GetRequiredService<IBotStateStore>()));
        foreach (var singleton in new[] { SingletonNames.TelegramUpdates, SingletonNames.DiscordGateway })
        {
            services.TryAddKeyedSingleton<IBotStateStore>(singleton, (sp, _) =>
                new FencedStateStore(sp.GetRequiredService<ILeaderElector>(), singleton, sp.GetRequiredService<IBotStateStore>()));
        }

        services.TryAddSingleton<HostHeartbeat>();
        services.TryAddSingleton(sp => new MaintenanceSweeps(
            sp.GetRequiredService<IClaimStore>(), sp.GetRequiredService<IHostRegistry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MaintenanceSweeps>>(), sp.GetService<IAdminSessionStore>(), Postgres(sp) is { } factory ? new PostgresPacingStore(factory) : null));
        services.AddHostedService<HostsWorker>();
        services.AddHostedService(sp => new HostSignalsWorker(
            Postgres(sp) is { } factory ? new PostgresSignalListener(factory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresSignalListener>>()) : null,
            sp.GetRequiredService<Bot.Core.Delivery.Dispatch.DeliverySignal>(), sp.GetRequiredService<Bot.Core.Delivery.Dispatch.DeliveryPipeline>(),
            sp.GetRequiredService<ISendPacer>(), sp.GetRequiredService<ILeaderElector>(), sp.GetRequiredService<IStoreHealth>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HostSignalsWorker>>()));
        services.AddHostedService<MaintenanceWorker>();
        return services;
    }

    /// <summary>
    /// The send pacer: on PostgreSQL the budgets are shared with the other hosts (<see cref="SharedSendPacer"/>, kept in
    /// step by <see cref="SharedBudgetsWorker"/>); on SQLite this host's own <see cref="SendPacer"/>.
    /// </summary>
    public static IServiceCollection AddBotSendPacer(this IServiceCollection services)
    {
        services.TryAddSingleton<ISendPacer>(sp => Postgres(sp) is not null
            ? new SharedSendPacer(sp.GetRequiredService<PacingOptions>(), sp.GetRequiredService<TimeProvider>())
            : new SendPacer(sp.GetRequiredService<PacingOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => new SharedBudgetsWorker(
            sp.GetRequiredService<ISendPacer>() is SharedSendPacer shared && Postgres(sp) is { } factory
                ? new PacingAgent(shared, new PostgresPacingStore(factory), sp.GetRequiredService<LeaseOwner>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<PacingAgent>>(), sp.GetRequiredService<IHostSignals>())
                : null,
            sp.GetRequiredService<IStoreHealth>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SharedBudgetsWorker>>()));
        return services;
    }

    internal static PostgresConnectionFactory? Postgres(IServiceProvider services) =>
        services.GetService<IDbConnectionFactory>() as PostgresConnectionFactory;
}
