using Bot.Channels.Discord;
using Bot.Channels.Telegram;
using Bot.Core.Articles;
using Bot.Core.Storage;
using Bot.Host.Delivery;
using Bot.Host.Discord;
using Bot.Host.Sources;
using Bot.Host.Sources.Feeds;
using Bot.Host.Sources.Inbox;
using Bot.Host.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Hosting;

public static class BotRunServiceCollectionExtensions
{
    /// <summary>
    /// The workers of <c>bot run</c>, on top of <c>AddBotCore</c>. Workers that need the store wait for
    /// <see cref="StoreReadiness"/>; the ones that react to new articles subscribe to <see cref="IArticleFeed"/>.
    /// <paramref name="configuration"/> is for the workers' own option sections.
    /// </summary>
    public static IServiceCollection AddBotRun(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton<HealthProbe>();
        services.AddHostedService<StoreStartupWorker>();
        services.AddInbox(configuration);
        services.AddFeedPolling();
        // The channels register their senders first: AddBotDelivery takes a registered sender over the dry one.
        services.AddTelegramChannel(configuration);
        services.AddDiscordChannel(configuration);
        services.AddBotDelivery(configuration);
        // A retraction made in this process (admin commands, pages, the article API) is planned at once, not at the next poll.
        services.TryAddSingleton(sp => new ArticleRetractor(
            sp.GetRequiredService<IArticleStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IArticleFeed>().Publish));
        if (!string.IsNullOrWhiteSpace(configuration[ChannelCredentials.KeyOf(Bot.Core.Channels.ChannelNames.Telegram)]))
        {
            services.AddHostedService<TelegramCommandWorker>();
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.SectionName}:BotToken"]))
        {
            services.AddHostedService<DiscordCommandWorker>();
        }

        return services;
    }
}
