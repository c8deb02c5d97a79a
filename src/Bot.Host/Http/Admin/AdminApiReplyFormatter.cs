using System.Globalization;
using Bot.Core.Admin.Replies;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>
/// Admin replies as the admin API's JSON (the shapes the README documents), credentials hidden by
/// <see cref="AdminRedactor"/>. What an admin asked for and cannot have is a one-line <see cref="AdminError"/>:
/// 404 for an unknown name or id, 409 when the article's state forbids it, 400 for a bad argument.
/// </summary>
public sealed class AdminApiReplyFormatter(AdminRedactor redactor)
{
    public AdminApiAnswer Format(AdminReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply switch
        {
            AdminReply.Help h => Ok(h.Commands),
            AdminReply.Status s => Ok(AdminStatusView.Of(s, redactor)),
            AdminReply.ArticleList a => Ok(a.Articles.Select(AdminArticleSummary.Of).ToList()),
            AdminReply.ArticleDetail d => Ok(AdminArticleDetail.Of(d.Article, [.. d.Deliveries.Select(r => AdminDeliveryView.Of(r, redactor))])),
            AdminReply.DeliveryList d => Ok(d.Deliveries.Select(r => AdminDeliveryView.Of(r, redactor)).ToList()),
            AdminReply.DestinationList d => Ok(d.Destinations.Select(x => AdminDestinationView.Of(x, redactor)).ToList()),
            AdminReply.DestinationChanged c => Ok(AdminDestinationView.Of(c.Destination, redactor)),
            AdminReply.Requeued { DeliveryId: { } id, Count: 0 } => Error(StatusCodes.Status404NotFound, $"delivery {Number(id)} is not dead (or does not exist)"),
            AdminReply.Requeued r => Ok(new { requeued = r.Count }),
            AdminReply.Republished p => Ok(new { key = p.Key, version = p.Version, generation = p.Generation, destinations = p.Destinations, deliveries = p.Deliveries }),
            AdminReply.RepublishedMomentsAgo m => Error(StatusCodes.Status409Conflict, $"{m.Key} was published again {Number((long)m.Ago.TotalSeconds)} s ago; nothing new queued"),
            AdminReply.NothingToPublish { ArticleRetracted: true } n => Error(StatusCodes.Status409Conflict, $"{n.Key} is retracted"),
            AdminReply.NothingToPublish n => Error(StatusCodes.Status409Conflict, $"no enabled destination takes {n.Key}"),
            AdminReply.Retracted r => Ok(new { key = r.Version.Key, version = r.Version.Version, title = r.Version.Title, retracted = true }),
            AdminReply.AlreadyRetracted a => Error(StatusCodes.Status409Conflict, $"{a.Key} is already retracted (version {Number(a.Version)})"),
            AdminReply.Preview p => Ok(new { channel = p.Channel, destination = p.Destination, message = (object)p.Message }),
            AdminReply.Subscribers s => Ok(new { lists = s.Lists, telegramChats = s.Chats }),
            AdminReply.NotFound { Subject: AdminSubject.Destination } n => Error(StatusCodes.Status404NotFound, $"no such destination: {n.Key}"),
            AdminReply.NotFound n => Error(StatusCodes.Status404NotFound, $"no such article: {n.Key}"),
            AdminReply.UnknownChannel u => Error(StatusCodes.Status400BadRequest, $"unknown channel {u.Channel}: telegram, discord or email"),
            AdminReply.Usage u => Error(StatusCodes.Status400BadRequest, u.Text),
            AdminReply.UnknownCommand u => Error(StatusCodes.Status404NotFound, $"unknown command: {u.Command}"),
            AdminReply.Refused => Error(StatusCodes.Status403Forbidden, "only the admin may do this"),
            _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "not an admin reply"),
        };
    }

    private static AdminApiAnswer Ok(object body) => new(StatusCodes.Status200OK, body);

    private static AdminApiAnswer Error(int status, string message) => new(status, new AdminError(message));

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
