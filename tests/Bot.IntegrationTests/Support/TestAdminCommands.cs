using Bot.Core.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.Deliveries;

namespace Bot.IntegrationTests.Support;

/// <summary>The admin command set over a real store, as <c>bot run</c> composes it, for the admins in <paramref name="grants"/>.</summary>
internal static class TestAdminCommands
{
    public static AdminCommands Create(
        IDbConnectionFactory connections,
        IArticleStore articles,
        IDeliveryStore deliveries,
        DestinationCatalog catalog,
        IMessageRenderer renderer,
        TimeProvider clock,
        params AdminGrant[] grants)
    {
        var actions = new AdminActions(deliveries, clock);
        return new AdminCommands(
            new AdminAuthorization(grants),
            new DestinationCommands(deliveries, new SqlDeliveryStatistics(connections), catalog, actions),
            new ArticleCommands(articles, deliveries, catalog, renderer, clock),
            new DeliveryCommands(deliveries, actions),
            deliveries,
            clock);
    }
}
