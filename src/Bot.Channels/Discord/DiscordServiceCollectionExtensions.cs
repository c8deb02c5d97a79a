using System.Globalization;
using Bot.Channels.Discord.Commands;
using Bot.Channels.Discord.Gateway;
using Bot.Core.Admin.Commands;
using Bot.Core.Channels;
using Bot.Core.Hosts;
using Bot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Key of the HttpClient the Discord client uses (a keyed singleton, disposed with the container).</summary>
    public const string HttpClientKey = "discord";

    /// <summary>
    /// Binds and validates <c>Discord</c>, registers <see cref="DiscordRateLimits"/>, <see cref="DiscordTokenRedactor"/>,
    /// <see cref="DiscordRestClient"/>, <see cref="DiscordChannelSender"/> and <see cref="DiscordCommandService"/> (slash
    /// commands over the gateway, which the host runs when a token is set). The sender is also registered as an
    /// <see cref="IChannelSender"/> only when <see cref="DiscordChannelConfiguration.IsConfigured"/>; otherwise the
    /// host runs the channel dry. The slash commands run the host's <see cref="AdminCommands"/>; the user ids in
    /// <c>Discord:Admins</c> are registered as its <see cref="AdminGrant"/> for <c>discord</c>.
    /// </summary>
    public static IServiceCollection AddDiscordChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AdminGrant(
            ChannelNames.Discord,
            [.. sp.GetRequiredService<IOptions<DiscordOptions>>().Value.Admins.Select(id => id.ToString(CultureInfo.InvariantCulture))]));

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new DiscordRateLimits(sp.GetRequiredService<TimeProvider>(), options.GlobalRequestsPerSecond, options.MaxBucketWait);
        });
        services.TryAddSingleton(sp => new DiscordTokenRedactor(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.BotToken));
        services.TryAddKeyedSingleton(HttpClientKey, (sp, _) =>
            CreateHttpClient(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.RequestTimeout));
        services.TryAddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<DiscordRateLimits>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.TryAddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<DiscordChannelSender>>();
            DiscordLog.ChannelReady(logger, sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl.Host);
            return new DiscordChannelSender(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<DiscordTokenRedactor>(), logger);
        });

        services.TryAddSingleton(sp => new DiscordGatewayClient(
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<DiscordTokenRedactor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordGatewayClient>>(),
            sessions: (sp.GetKeyedService<IBotStateStore>(SingletonNames.DiscordGateway) ?? sp.GetService<IBotStateStore>()) is { } state
                ? new DiscordGatewaySessionStore(state, sp.GetRequiredService<ILogger<DiscordGatewaySessionStore>>())
                : null));
        services.TryAddSingleton(sp => new DiscordCommandService(
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<DiscordGatewayClient>(),
            sp.GetRequiredService<AdminCommands>(),
            sp.GetRequiredService<DiscordTokenRedactor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordCommandService>>()));

        if (DiscordChannelConfiguration.IsConfigured(configuration))
        {
            services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<DiscordChannelSender>());
        }

        return services;
    }

    /// <summary>
    /// An HttpClient of its own: no IHttpClientFactory logging handler sits in it, so no request URL (a webhook's
    /// holds its token) is ever logged, and pooled connections are recycled so DNS changes are picked up.
    /// </summary>
    public static HttpClient CreateHttpClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(3),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        })
        {
            Timeout = timeout,
        };
}
