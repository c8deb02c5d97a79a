using Bot.Core.Delivery.Store;
using Bot.Core.Articles;
using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Rendering;
using Bot.Core.Storage;

namespace Bot.Core.Admin.Commands;

/// <summary><c>articles</c>, <c>article</c>, <c>preview</c>, <c>publish</c> and <c>retract</c>.</summary>
/// <param name="renderer">Null where no templates are loaded (a CLI verb): <c>preview</c> is then unknown.</param>
/// <param name="retractor">How <c>retract</c> stores a retraction, and whom it tells (the host's workers, or nobody in a CLI verb).</param>
/// <param name="republisher">Null where nothing dispatches (a CLI verb): <c>publish</c> is then unknown.</param>
public sealed class ArticleCommands(
    IArticleStore articles,
    IDeliveryQueries deliveries,
    DestinationCatalog catalog,
    IMessageRenderer? renderer,
    ArticleRetractor retractor,
    TimeProvider time,
    ArticleRepublisher? republisher = null)
{
    /// <summary>The most deliveries one article's detail lists.</summary>
    public const int MaxDeliveries = 1000;

    public async Task<AdminReply> ListAsync(int limit, CancellationToken cancellationToken) =>
        new AdminReply.ArticleList(await articles.ListRecentAsync(limit, cancellationToken));

    /// <summary>The latest version, or <paramref name="version"/>, with the deliveries of all versions.</summary>
    public async Task<AdminReply> ShowAsync(string key, int? version, CancellationToken cancellationToken)
    {
        if (await articles.GetAsync(key, version, cancellationToken) is not { } article)
        {
            return new AdminReply.NotFound(AdminSubject.Article, key, version);
        }

        var rows = await deliveries.ListAsync(new DeliveryQuery(ArticleKey: article.Key, Limit: MaxDeliveries), cancellationToken);
        return new AdminReply.ArticleDetail(article, rows);
    }

    /// <summary>Renders the article for the first destination of <paramref name="channel"/> (a stand-in with the default template when there is none).</summary>
    public async Task<AdminReply> PreviewAsync(string key, string channel, CancellationToken cancellationToken)
    {
        if (renderer is null)
        {
            return new AdminReply.UnknownCommand("preview");
        }

        if (!ChannelNames.All.Contains(channel))
        {
            return new AdminReply.UnknownChannel(channel);
        }

        if (await articles.GetAsync(key, null, cancellationToken) is not { } article)
        {
            return new AdminReply.NotFound(AdminSubject.Article, key);
        }

        var destination = catalog.All.FirstOrDefault(d => d.Channel == channel)
            ?? new Destination("preview", channel, string.Empty, null, DestinationFilter.Everything);
        var recipient = channel == ChannelNames.Email ? new EmailRecipient("subscriber@example.org", "Subscriber", null) : null;
        return new AdminReply.Preview(channel, destination.Name, renderer.Render(article, destination, recipient));
    }

    public async Task<AdminReply> PublishAsync(string key, AdminCaller caller, CancellationToken cancellationToken)
    {
        if (republisher is null)
        {
            return new AdminReply.UnknownCommand("publish");
        }

        return await republisher.RepublishAsync(key, caller.Actor, cancellationToken) switch
        {
            RepublishResult.Queued q => new AdminReply.Republished(q.ArticleKey, q.Version, q.Generation, q.Destinations, q.Deliveries),
            RepublishResult.AlreadyQueued a => new AdminReply.RepublishedMomentsAgo(a.ArticleKey, a.Generation, Ago(a.At)),
            RepublishResult.Retracted r => new AdminReply.NothingToPublish(r.ArticleKey, ArticleRetracted: true),
            RepublishResult.NoDestination n => new AdminReply.NothingToPublish(n.ArticleKey, ArticleRetracted: false),
            _ => new AdminReply.NotFound(AdminSubject.Article, key),
        };
    }

    /// <summary>A retraction is a new version, planned like any other, so it survives restarts (see <see cref="ArticleRetractor"/>).</summary>
    public async Task<AdminReply> RetractAsync(string key, CancellationToken cancellationToken) =>
        await retractor.RetractAsync(key, cancellationToken) switch
        {
            RetractOutcome.Retracted r => new AdminReply.Retracted(r.Version),
            RetractOutcome.AlreadyRetracted a => new AdminReply.AlreadyRetracted(a.Id, a.Version),
            _ => new AdminReply.NotFound(AdminSubject.Article, key),
        };

    private TimeSpan Ago(DateTimeOffset at)
    {
        var ago = time.GetUtcNow() - at;
        return ago < TimeSpan.Zero ? TimeSpan.Zero : ago;
    }
}
