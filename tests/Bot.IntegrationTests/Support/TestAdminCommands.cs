using Bot.Core.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Articles;
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
        SqlOutbox deliveries,
        DestinationCatalog catalog,
        IMessageRenderer renderer,
        TimeProvider clock,
        params AdminGrant[] grants)
    {
        var actions = new AdminActions(deliveries.Destinations, deliveries.Outcomes, clock);
        return new AdminCommands(
            new AdminAuthorization(grants),
            new DestinationCommands(deliveries.Destinations, new SqlDeliveryStatistics(connections), catalog, actions),
            new ArticleCommands(articles, deliveries.Queries, catalog, renderer, new ArticleRetractor(articles, clock), clock),
            new DeliveryCommands(deliveries.Queries, actions),
            deliveries.Audit,
            clock);
    }
}
