using Bot.Core.Audit;
using Bot.Core.Delivery.Store;
using Bot.Core.Admin.Replies;
using Bot.Core.Delivery;

namespace Bot.Core.Admin.Commands;

/// <summary>
/// The admin command set every surface reaches (Telegram, Discord slash commands, the HTTP admin API and pages,
/// the CLI). Here, once: the check that the caller is an admin (anyone else gets <see cref="AdminReply.Refused"/>
/// and nothing changes) and the audit log (every change; for chat callers every command), with where the caller was.
/// </summary>
/// <param name="subscribers">Null where no subscriber store is registered: <c>subscribers</c> is then unknown.</param>
public sealed class AdminCommands(
    AdminAuthorization authorization,
    DestinationCommands destinations,
    ArticleCommands articles,
    DeliveryCommands deliveries,
    IAuditLog audit,
    TimeProvider time,
    SubscriberCommands? subscribers = null)
{
    /// <summary>Whether <paramref name="caller"/> may use the commands; a surface asks first when it answers strangers differently.</summary>
    public bool Allows(AdminCaller caller) => authorization.Allows(caller);

    public async Task<AdminReply> ExecuteAsync(AdminCaller caller, AdminRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!authorization.Allows(caller))
        {
            return new AdminReply.Refused();
        }

        var reply = request switch
        {
            AdminRequest.Help => new AdminReply.Help(AdminMenu.Entries),
            AdminRequest.Status => await destinations.StatusAsync(cancellationToken),
            AdminRequest.Destinations => await destinations.ListAsync(cancellationToken),
            AdminRequest.Pause p => await destinations.SetPausedAsync(p.Destination, paused: true, cancellationToken),
            AdminRequest.Resume r => await destinations.SetPausedAsync(r.Destination, paused: false, cancellationToken),
            AdminRequest.Articles a => await articles.ListAsync(a.Limit, cancellationToken),
            AdminRequest.Article a => await articles.ShowAsync(a.Key, cancellationToken),
            AdminRequest.Preview p => await articles.PreviewAsync(p.Key, p.Channel, cancellationToken),
            AdminRequest.Publish p => await articles.PublishAsync(p.Key, caller, cancellationToken),
            AdminRequest.Retract r => await articles.RetractAsync(r.Key, cancellationToken),
            AdminRequest.Deliveries d => await deliveries.ListAsync(d.Query, cancellationToken),
            AdminRequest.Retry r => await deliveries.RetryAsync(r.DeliveryId, cancellationToken),
            AdminRequest.Subscribers when subscribers is not null => await subscribers.CountAsync(cancellationToken),
            AdminRequest.Subscribers => new AdminReply.UnknownCommand("subscribers"),
            AdminRequest.Malformed m => new AdminReply.Usage(m.Command, m.Usage),
            AdminRequest.Unknown u => new AdminReply.UnknownCommand(u.Command),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "not an admin command"),
        };

        if (caller.RecordsReads || Changes(request))
        {
            var entry = new AuditEntry(0, time.GetUtcNow(), caller.Actor, caller.AuditAction, $"{request.Asked}: {AdminAuditDetail.Of(reply)}", caller.Origin);
            await audit.AppendAsync(entry, cancellationToken);
        }

        return reply;
    }

    private static bool Changes(AdminRequest request) =>
        request is AdminRequest.Pause or AdminRequest.Resume or AdminRequest.Retry or AdminRequest.Publish or AdminRequest.Retract;
}
