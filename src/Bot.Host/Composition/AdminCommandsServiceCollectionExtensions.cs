using Bot.Core.Audit;
using Bot.Core.Delivery.Store;
using Bot.Core.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.Host.Http.Admin;
using Bot.Host.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Composition;

public static class AdminCommandsServiceCollectionExtensions
{
    /// <summary>
    /// The admin command set of <c>bot run</c>, which the Telegram and Discord commands and the HTTP admin surface
    /// share. Expects the outbox (<c>AddBotDelivery</c>), the delivery counts (<c>AddBotMetrics</c>) and the admin
    /// key (<c>AddAdminHttp</c>); each chat registers its own <see cref="AdminGrant"/>, and the HTTP one is granted
    /// here when <c>Http:AdminKey</c> is set. <c>publish</c> and <c>subscribers</c> answer where a republisher and a
    /// subscriber count are registered.
    /// </summary>
    public static IServiceCollection AddAdminCommands(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AdminGrant(
            AdminCaller.Http.Surface, sp.GetRequiredService<AdminKey>().IsConfigured ? [AdminCaller.Http.Id] : []));
        services.TryAddSingleton(sp => new AdminAuthorization(sp.GetServices<AdminGrant>()));
        services.TryAddSingleton(sp => new DestinationCommands(
            sp.GetRequiredService<IDestinationStore>(), sp.GetRequiredService<IDeliveryStatistics>(), sp.GetRequiredService<DestinationCatalog>(), Actions(sp)));
        services.TryAddSingleton(sp => new ArticleCommands(
            sp.GetRequiredService<IArticleStore>(),
            sp.GetRequiredService<IDeliveryQueries>(),
            sp.GetRequiredService<DestinationCatalog>(),
            sp.GetRequiredService<IMessageRenderer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ArticleRepublisher>(),
            sp.GetRequiredService<IArticleFeed>().Publish));
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
