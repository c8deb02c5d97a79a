using System.Globalization;
using Bot.Core.Admin.Replies;

namespace Bot.Core.Admin.Commands;

/// <summary>The audit log's detail for a reply: what the command came to, in a few words.</summary>
public static class AdminAuditDetail
{
    public static string Of(AdminReply reply) => reply switch
    {
        AdminReply.Help or AdminReply.Status or AdminReply.ArticleDetail => "ok",
        AdminReply.ArticleList { Articles.Count: 0 } or AdminReply.DestinationList { Destinations.Count: 0 } => "none",
        AdminReply.ArticleList a => Listed(a.Articles.Count),
        AdminReply.DestinationList d => Listed(d.Destinations.Count),
        AdminReply.DeliveryList d => Listed(d.Deliveries.Count),
        AdminReply.DestinationChanged c => c.Destination.Paused ? "paused" : "resumed",
        AdminReply.Requeued r => "requeued " + r.Count.ToString(CultureInfo.InvariantCulture),
        AdminReply.Republished r => string.Create(CultureInfo.InvariantCulture, $"generation {r.Generation}, {r.Deliveries} deliveries"),
        AdminReply.RepublishedMomentsAgo m => string.Create(CultureInfo.InvariantCulture, $"already queued as generation {m.Generation}"),
        AdminReply.NothingToPublish n => n.ArticleRetracted ? "retracted" : "no destination",
        AdminReply.Retracted r => "retracted as version " + r.Version.Version.ToString(CultureInfo.InvariantCulture),
        AdminReply.AlreadyRetracted => "already retracted",
        AdminReply.Preview p => $"{p.Channel} via {p.Destination}",
        AdminReply.Subscribers { Lists.Count: 0, Chats: null } => "none",
        AdminReply.Subscribers s => s.Lists.Count.ToString(CultureInfo.InvariantCulture) + " lists",
        AdminReply.NotFound { Subject: AdminSubject.Destination } => "unknown destination",
        AdminReply.NotFound => "not found",
        AdminReply.UnknownChannel => "bad channel",
        AdminReply.Usage => "usage",
        AdminReply.UnknownCommand => "unknown",
        AdminReply.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "not an admin reply"),
    };

    private static string Listed(int count) => count.ToString(CultureInfo.InvariantCulture) + " listed";
}
