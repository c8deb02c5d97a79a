using System.Collections.Concurrent;
using System.Globalization;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Rendering;
using Bot.Core.Storage;

namespace Bot.Core.Delivery.Claiming;

/// <summary>
/// Reads what a claimed batch needs in a few queries for the whole batch instead of one per delivery: destinations'
/// addresses, each article's current version, and the list members to personalise for.
/// </summary>
public sealed class ClaimPreparer(
    IArticleStore articles,
    IDestinationStore destinations,
    IRecipientDirectory mailingLists,
    DestinationCatalog catalog,
    ITelegramSubscriberStore? chatSubscribers = null)
{
    // Versions never change once stored; the latest version is asked for per batch, its content read once.
    private readonly ConcurrentDictionary<(string Key, int Version), Article> _versions = new();

    public async Task<IReadOnlyList<PreparedDelivery>> PrepareAsync(IReadOnlyList<ClaimedDelivery> claimed, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0) return [];
        var addresses = (await destinations.ListAsync(cancellationToken)).ToDictionary(s => s.Name, s => s.Address, StringComparer.OrdinalIgnoreCase);

        var current = new Dictionary<string, Article?>(StringComparer.Ordinal);
        foreach (var key in claimed.Select(d => d.ArticleKey).Distinct(StringComparer.Ordinal))
        {
            current[key] = await LatestAsync(key, cancellationToken);
        }

        var members = new Dictionary<string, IReadOnlyDictionary<string, EmailRecipient>>(StringComparer.OrdinalIgnoreCase);
        var lists = claimed
            .Where(d => d.Kind != DeliveryKind.Delete && d.Recipient.Length > 0)
            .Select(d => (Delivery: d, Destination: catalog.Find(d.Destination)))
            .Where(x => x.Destination is { Audience: Audience.MailingList })
            .GroupBy(x => x.Destination!.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var list in lists)
        {
            var emails = list.Select(x => x.Delivery.Recipient).Distinct(StringComparer.Ordinal).ToList();
            members[list.Key] = await mailingLists.FindManyAsync(list.Key, emails, cancellationToken);
        }

        var chats = await ChatStatusesAsync(claimed, cancellationToken);

        var prepared = new List<PreparedDelivery>(claimed.Count);
        foreach (var delivery in claimed)
        {
            var destination = catalog.Find(delivery.Destination);
            var address = delivery.Recipient.Length > 0
                ? delivery.Recipient
                : addresses.GetValueOrDefault(delivery.Destination) is { Length: > 0 } moved ? moved : destination?.Address ?? "";
            EmailRecipient? recipient = null;
            if (destination is { RendersPerRecipient: true })
            {
                recipient = destination.Audience == Audience.MailingList
                    ? members.GetValueOrDefault(destination.Name)?.GetValueOrDefault(delivery.Recipient)
                        ?? (delivery.Kind == DeliveryKind.Delete ? null : await mailingLists.FindAsync(destination.Name, delivery.Recipient, cancellationToken))
                    : new EmailRecipient(destination.Address, null, null);
            }
            prepared.Add(new PreparedDelivery(delivery, destination, address, current[delivery.ArticleKey], recipient)
            {
                MemberGone = destination is { Audience: Audience.ChatSubscribers } ? ChatGone(delivery, chats) : null,
            });
        }
        return prepared;
    }

    // A reader who blocked the bot since the fan-out was planned gets nothing more; one who said /stop still has its
    // messages deleted on a retraction, and nothing else.
    private async Task<IReadOnlyDictionary<long, TelegramSubscriberStatus>> ChatStatusesAsync(IReadOnlyList<ClaimedDelivery> claimed, CancellationToken cancellationToken)
    {
        if (chatSubscribers is null) return new Dictionary<long, TelegramSubscriberStatus>();
        var ids = claimed
            .Where(d => catalog.Find(d.Destination) is { Audience: Audience.ChatSubscribers })
            .Select(d => long.TryParse(d.Recipient, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>()
            .ToList();
        return ids.Count == 0 ? new Dictionary<long, TelegramSubscriberStatus>() : await chatSubscribers.StatusesAsync(ids, cancellationToken);
    }

    private static string? ChatGone(ClaimedDelivery delivery, IReadOnlyDictionary<long, TelegramSubscriberStatus> chats)
    {
        if (!long.TryParse(delivery.Recipient, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) || !chats.TryGetValue(id, out var status)) return null;
        return status switch
        {
            TelegramSubscriberStatus.Blocked => "the reader blocked the bot",
            TelegramSubscriberStatus.Unsubscribed when delivery.Kind != DeliveryKind.Delete => "the reader unsubscribed",
            _ => null,
        };
    }

    private async Task<Article?> LatestAsync(string key, CancellationToken cancellationToken)
    {
        var latest = await articles.GetAsync(key, null, cancellationToken);
        if (latest is null) return null;
        if (_versions.Count >= 256) _versions.Clear();
        return _versions.GetOrAdd((key, latest.Version), latest);
    }
}
