using System.Globalization;
using Bot.Core.Articles;

namespace Bot.Core.Delivery.Sending;

/// <summary>
/// Decides what a claimed delivery does against the article as it is NOW, whatever version it was planned for: a
/// delivery brings its thread (what one destination or recipient shows of the article) to the current version. So a
/// retried, requeued, resumed or re-published delivery sends the current version, a retracted article sends nothing,
/// and a delivery whose thread already shows the current version ends without sending it twice.
/// </summary>
/// <remarks>
/// Pure: the claim supplies what the thread last sent; the caller supplies the current version. On a chat, parts an
/// interrupted attempt of the delivery itself left (a long message cut short by pacing or a 429) are the thread's
/// newest messages. An announcement's retry sends the missing parts if those show the current version, and otherwise
/// deletes them and starts again, so that no part stays at an older version beside newer ones (editing them instead
/// would spend the chat's budget on the same edits at every attempt); an edit's retry edits the messages it left that
/// do not show the current version yet.
/// </remarks>
public static class SendDecision
{
    /// <param name="current">The article's latest version; null when the article is not in the store.</param>
    /// <param name="editsInPlace">The destination's messages can be edited and deleted (a chat), else they are mails.</param>
    public static SendOperation Decide(ClaimedDelivery delivery, Article? current, bool editsInPlace)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (current is null) return new SendOperation.Cancel("the article is no longer in the store");

        var last = delivery.LastSent;
        var shows = last is not null && last.Kind != DeliveryKind.Delete;
        var partial = editsInPlace && delivery.Kind != DeliveryKind.Delete && delivery.RemoteIds.Count > 0;
        if (current.Retracted)
        {
            if (partial) return new SendOperation.Withdraw(delivery.RemoteIds, "article retracted");
            if (delivery.Kind != DeliveryKind.Delete) return new SendOperation.Cancel("article retracted");
            return shows && last!.RemoteIds.Count > 0
                ? new SendOperation.Delete(last.RemoteIds)
                : new SendOperation.Cancel("nothing was sent to delete");
        }

        if (delivery.Kind == DeliveryKind.Delete) return new SendOperation.Cancel("the article is no longer retracted");

        if (!editsInPlace)
        {
            return delivery.Kind switch
            {
                DeliveryKind.Correction when !shows => new SendOperation.Cancel("nothing was sent to correct"),
                DeliveryKind.Correction when last!.Version >= current.Version => AlreadyShown(current),
                DeliveryKind.Correction => new SendOperation.Send(current),
                _ when shows => new SendOperation.Cancel("already sent"),
                _ => new SendOperation.Send(current),
            };
        }

        if (partial)
        {
            var upToDate = delivery.RemoteIdsVersion == current.Version;
            if (shows) return new SendOperation.Edit(current, delivery.RemoteIds, upToDate ? delivery.ShownParts ?? delivery.RemoteIds.Count : 0);
            return upToDate && delivery.ShownParts is null
                ? new SendOperation.Send(current)
                : new SendOperation.Restart(delivery.RemoteIds);
        }

        if (last is null)
        {
            // An edit needs something to edit; an announcement whose thread never showed anything starts it.
            return delivery.Kind == DeliveryKind.Announce ? new SendOperation.Send(current) : new SendOperation.Cancel("nothing was sent to edit");
        }

        // Deleted by a retraction that a newer version took back: announce again.
        if (!shows) return new SendOperation.Send(current);
        if (last.Version >= current.Version) return AlreadyShown(current);
        return new SendOperation.Edit(current, last.RemoteIds);
    }

    private static SendOperation.Cancel AlreadyShown(Article current) =>
        new(string.Create(CultureInfo.InvariantCulture, $"already shows version {current.Version}"));
}
