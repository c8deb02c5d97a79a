using Bot.Core.Audit;
using System.Globalization;
using Bot.Core.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Store;
using Bot.Core.Hosts;
using Bot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>Key of the HttpClient the Telegram sender uses (a keyed singleton, disposed with the container).</summary>
    public const string HttpClientKey = "telegram";

    /// <summary>
    /// Binds and validates <c>Telegram</c>, registers <see cref="TelegramTokenRedactor"/>
    /// and <see cref="TelegramChannelSender"/>. The sender is also registered as an <see cref="IChannelSender"/> only
    /// when <c>Telegram:BotToken</c> is set; without a token the host runs the channel dry. Also registers
    /// <see cref="TelegramCommandService"/> (admin commands, and <c>/start</c>/<c>/stop</c> for readers through
    /// <see cref="TelegramSubscriberCommands"/>), which the host runs when a token is set.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new TelegramTokenRedactor(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotToken));
        services.TryAddKeyedSingleton(HttpClientKey, (sp, _) =>
            TelegramClientFactory.CreateHttpClient(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.RequestTimeout));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<TelegramChannelSender>>();
            TelegramLog.ChannelReady(logger, options.ApiBaseUrl.Host);
            return new TelegramChannelSender(
                TelegramClientFactory.Create(options, sp.GetRequiredKeyedService<HttpClient>(HttpClientKey)),
                sp.GetRequiredService<TelegramTokenRedactor>(),
                logger);
        });

        // The commands themselves are the host's AdminCommands; the user ids in Telegram:Admins are its grant for telegram.
        services.AddSingleton(sp => new AdminGrant(
            ChannelNames.Telegram,
            [.. sp.GetRequiredService<IOptions<TelegramOptions>>().Value.Admins.Select(id => id.ToString(CultureInfo.InvariantCulture))]));
        // Written only by the host elected to poll (the host registers that fenced view of the state under the singleton's name).
        services.TryAddSingleton(sp => new TelegramUpdateOffsetStore(
            sp.GetKeyedService<IBotStateStore>(SingletonNames.TelegramUpdates) ?? sp.GetRequiredService<IBotStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TelegramUpdateOffsetStore>>()));
        // /start and /stop need the private-chat subscriber store, which the host registers with the outbox.
        services.TryAddSingleton(sp => new TelegramSubscriberCommands(
            sp.GetRequiredService<ITelegramSubscriberStore>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TelegramDirectMessages(
            sp.GetRequiredService<TelegramChannelSender>(), sp.GetService<ISendPacer>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TelegramCommandService(
            sp.GetRequiredService<IOptions<TelegramOptions>>(),
            sp.GetRequiredService<AdminCommands>(),
            sp.GetRequiredService<TelegramDirectMessages>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TelegramUpdateOffsetStore>(),
            sp.GetRequiredService<TelegramSubscriberCommands>()));

        if (!string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:BotToken"]))
        {
            services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramChannelSender>());
            // Admins hear about disabled destinations, dead deliveries and moved chats in their chat with the bot.
            services.TryAddSingleton<IAdminNoticeSink>(sp =>
            {
                var admins = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.Admins;
                return admins.Count == 0
                    ? new LoggingAdminNoticeSink(sp.GetRequiredService<ILogger<LoggingAdminNoticeSink>>())
                    : new TelegramAdminNoticeSink([.. admins], sp.GetRequiredService<TelegramDirectMessages>(), sp.GetRequiredService<ILogger<TelegramAdminNoticeSink>>());
            });
        }

        return services;
    }
}
