using Bot.Core.Audit;
using Bot.Core.Delivery.Store;
using Bot.Core.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Articles;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Composition;

public static class AdminCommandsServiceCollectionExtensions
{
    /// <summary>
    /// The admin command set every surface shares: the Telegram and Discord commands and the HTTP admin surface of
    /// <c>bot run</c>, and the CLI's verbs. Expects the outbox (<c>AddBotDeliveryStore</c>) and the destinations; each
    /// surface registers its own <see cref="AdminGrant"/>. <c>preview</c>, <c>publish</c> and <c>subscribers</c> answer
    /// where a renderer, a republisher and a subscriber count are registered; changes wake this process's dispatcher and planner
    /// where it has them (<see cref="AdminActions"/>, <see cref="ArticleRetractor"/> from <c>bot run</c>).
    /// </summary>
    public static IServiceCollection AddAdminCommands(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new AdminAuthorization(sp.GetServices<AdminGrant>()));
        services.TryAddSingleton(sp => new DestinationCommands(
            sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IDeliveryStatistics>(), sp.GetRequiredService<DestinationCatalog>(), Actions(sp)));
        services.TryAddSingleton(sp => new ArticleCommands(
            sp.GetRequiredService<IArticleStore>(),
            sp.GetRequiredService<IDeliveryQueries>(),
            sp.GetRequiredService<DestinationCatalog>(),
            sp.GetService<IMessageRenderer>(),
            // Without workers in this process nothing is told: the next poll of `bot run` plans the retraction.
            sp.GetService<ArticleRetractor>() ?? new ArticleRetractor(sp.GetRequiredService<IArticleStore>(), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ArticleRepublisher>()));
        services.TryAddSingleton(sp => new DeliveryCommands(sp.GetRequiredService<IDeliveryQueries>(), Actions(sp)));
        services.TryAddSingleton(sp => new AdminCommands(
            sp.GetRequiredService<AdminAuthorization>(),
            sp.GetRequiredService<DestinationCommands>(),
            sp.GetRequiredService<ArticleCommands>(),
            sp.GetRequiredService<DeliveryCommands>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ISubscriberCounter>() is { } counter
                ? new SubscriberCommands(counter, sp.GetRequiredService<DestinationCatalog>(), sp.GetService<ITelegramSubscriberStore>())
                : null));
        return services;
    }

    // The dispatcher's own AdminActions wakes it; without one (no dispatcher in this process) changes wait for a poll.
    private static AdminActions Actions(IServiceProvider sp) =>
        sp.GetService<AdminActions>() ?? new AdminActions(sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IOutcomeStore>(), sp.GetRequiredService<TimeProvider>());
}
