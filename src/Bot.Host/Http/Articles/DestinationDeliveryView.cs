using Bot.Core.Delivery;

namespace Bot.Host.Http.Articles;

/// <summary>
/// Where one destination stands with an article. For a channel or a single mailbox: its newest delivery (kind,
/// version, state, attempts, last error) and links to the messages now showing the article (none once deleted).
/// For a fan-out (an email list, the Telegram private chats): the newest delivery of each recipient, counted in
/// <see cref="Recipients"/>; <see cref="State"/> is the least settled of them (dead, failed, sending, queued, held,
/// sent, cancelled in that order), <see cref="Attempts"/> the most any took, <see cref="LastError"/> the newest.
/// </summary>
public sealed record DestinationDeliveryView(
    string Destination,
    string? Channel,
    string State,
    string Kind,
    int Version,
    int Attempts,
    string? LastError,
    DateTimeOffset? SentAt,
    IReadOnlyList<string> RemoteIds,
    IReadOnlyList<string> Links,
    IReadOnlyDictionary<string, int> Recipients)
{
    private static readonly DeliveryStatus[] Urgency =
        [DeliveryStatus.Dead, DeliveryStatus.Failed, DeliveryStatus.Sending, DeliveryStatus.Queued, DeliveryStatus.Held, DeliveryStatus.Sent, DeliveryStatus.Cancelled];

    /// <param name="rows">Every delivery of the article to this destination.</param>
    /// <param name="destination">What the store knows of the destination; null when it is gone from it.</param>
    /// <param name="redact">Keeps credentials out of error texts.</param>
    public static DestinationDeliveryView Of(IReadOnlyList<DeliveryRecord> rows, DestinationState? destination, Func<string?, string?> redact)
    {
        var newest = rows.MaxBy(r => r.Id) ?? throw new ArgumentException("a destination view needs at least one delivery", nameof(rows));
        var latest = rows.GroupBy(r => r.Recipient, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Id)!).ToList();
        var state = latest.Count == 1 ? newest.Status : Urgency.First(s => latest.Any(r => r.Status == s));
        var lastError = latest.Count == 1 ? newest.LastError : latest.Where(r => r.LastError is not null).MaxBy(r => r.Id)?.LastError;
        var remoteIds = latest.Count == 1 ? Showing(rows) : [];
        var links = destination is null
            ? []
            : remoteIds.Select(id => MessageLinks.For(destination.Channel, destination.Address, id)).OfType<string>().ToList();
        return new DestinationDeliveryView(
            newest.Destination,
            destination?.Channel,
            DeliveryNames.Of(state),
            DeliveryNames.Of(newest.Kind),
            newest.ArticleVersion,
            latest.Count == 1 ? newest.Attempts : latest.Max(r => r.Attempts),
            redact(lastError),
            latest.Max(r => r.SentAt),
            remoteIds,
            links,
            latest.GroupBy(r => DeliveryNames.Of(r.Status)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>The remote ids of the messages that show the article now: those of the last sent announcement or edit, none after a sent delete.</summary>
    private static IReadOnlyList<string> Showing(IReadOnlyList<DeliveryRecord> rows)
    {
        IReadOnlyList<string> showing = [];
        foreach (var row in rows.Where(r => r.Status == DeliveryStatus.Sent).OrderBy(r => r.Id))
        {
            showing = row.Kind switch
            {
                DeliveryKind.Announce or DeliveryKind.Edit => row.RemoteIds,
                DeliveryKind.Delete => [],
                _ => showing,
            };
        }

        return showing;
    }
}
