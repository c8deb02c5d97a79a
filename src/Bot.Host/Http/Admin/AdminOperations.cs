using Bot.Core.Admin.Commands;
using Bot.Core.Admin.Replies;
using Bot.Core.Articles;
using Bot.Core.Delivery;
using Bot.Host.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>
/// The HTTP surface's way into the admin command set, as <see cref="AdminCaller.Http"/>: the API answers replies
/// through <see cref="AdminApiReplyFormatter"/>, and the pages take the same replies as the API's view records.
/// Changes are audited by the command set under <see cref="Actor"/>, as the chats' and the CLI's are under theirs.
/// </summary>
public sealed class AdminOperations(AdminCommands commands, StoreReadiness readiness, AdminApiReplyFormatter formatter, AdminRedactor redactor)
{
    /// <summary>The most rows one listing returns.</summary>
    public const int MaxList = ArticleCommands.MaxDeliveries;

    public static string Actor => AdminCaller.Http.Actor;

    /// <summary>Runs <paramref name="request"/>; the status of a store still starting says so without asking it.</summary>
    public async Task<AdminReply> ExecuteAsync(AdminRequest request, CancellationToken cancellationToken) =>
        request is AdminRequest.Status && !readiness.IsReady
            ? new AdminReply.Status(false, [], [])
            : await commands.ExecuteAsync(AdminCaller.Http, request, cancellationToken);

    /// <summary>Runs <paramref name="request"/> and answers it as the admin API does.</summary>
    public async Task<IResult> AnswerAsync(AdminRequest request, CancellationToken cancellationToken) =>
        formatter.Format(await ExecuteAsync(request, cancellationToken)).ToResult();

    public async Task<AdminStatusView> StatusAsync(CancellationToken cancellationToken) =>
        AdminStatusView.Of(Expect<AdminReply.Status>(await ExecuteAsync(AdminHttpRequests.Status(), cancellationToken)), redactor);

    public async Task<IReadOnlyList<AdminDestinationView>> DestinationsAsync(CancellationToken cancellationToken) =>
        [.. Expect<AdminReply.DestinationList>(await ExecuteAsync(AdminHttpRequests.Destinations(), cancellationToken)).Destinations
            .Select(d => AdminDestinationView.Of(d, redactor))];

    /// <summary>Pauses or resumes (which also re-enables a disabled destination); null for an unknown name.</summary>
    public async Task<AdminDestinationView?> SetPausedAsync(string name, bool paused, CancellationToken cancellationToken) =>
        await ExecuteAsync(AdminHttpRequests.SetPaused(name, paused), cancellationToken) is AdminReply.DestinationChanged changed
            ? AdminDestinationView.Of(changed.Destination, redactor)
            : null;

    public async Task<IReadOnlyList<Article>> RecentArticlesAsync(int limit, CancellationToken cancellationToken) =>
        Expect<AdminReply.ArticleList>(await ExecuteAsync(AdminHttpRequests.Articles(limit), cancellationToken)).Articles;

    /// <summary>The article with the deliveries of all its versions; null when unknown.</summary>
    public async Task<AdminArticleDetail?> ArticleAsync(string key, CancellationToken cancellationToken) =>
        await ExecuteAsync(AdminHttpRequests.Article(key), cancellationToken) is AdminReply.ArticleDetail detail
            ? AdminArticleDetail.Of(detail.Article, [.. detail.Deliveries.Select(r => AdminDeliveryView.Of(r, redactor))])
            : null;

    public async Task<IReadOnlyList<AdminDeliveryView>> DeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken) =>
        [.. Expect<AdminReply.DeliveryList>(await ExecuteAsync(AdminHttpRequests.Deliveries(query), cancellationToken)).Deliveries
            .Select(r => AdminDeliveryView.Of(r, redactor))];

    /// <summary>Puts one dead delivery (or, with null, all) back in the queue; returns how many.</summary>
    public async Task<int> RetryAsync(long? id, CancellationToken cancellationToken) =>
        Expect<AdminReply.Requeued>(await ExecuteAsync(AdminHttpRequests.Retry(id), cancellationToken)).Count;

    // The pages sit behind the admin key, so the HTTP grant holds and each request has one kind of answer.
    private static T Expect<T>(AdminReply reply)
        where T : AdminReply =>
        reply as T ?? throw new InvalidOperationException($"the admin command set answered {reply.GetType().Name} where {typeof(T).Name} was expected");
}
