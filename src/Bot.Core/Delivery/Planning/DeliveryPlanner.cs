using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;

namespace Bot.Core.Delivery.Planning;

/// <summary>
/// Decides, for one article version, what each destination gets:
/// <list type="bullet">
/// <item>never announced and the filter matches: an announcement (per subscriber for an email list; an email
/// destination with an address is a single mailbox; per private chat whose topic the article has for the Telegram
/// subscribers);</item>
/// <item>announced (or on its way) on Telegram or Discord: an edit with the new version, filter or not, because the
/// message is out there and should be right;</item>
/// <item>announced to an email list that asks for corrections: a correction to each recipient who got it;</item>
/// <item>retracted: pending sends cancelled, and a delete wherever a Telegram or Discord announcement exists;</item>
/// <item>otherwise nothing.</item>
/// </list>
/// Pure: the caller supplies the history and stores the plan idempotently, so planning twice is harmless.
/// Edits and deletes queue behind the announcement they follow because the dispatcher keeps each
/// destination's deliveries in order.
/// </summary>
public sealed class DeliveryPlanner
{
    private readonly IReadOnlyList<(Destination Destination, DestinationFilterMatcher Matcher)> _destinations;

    /// <param name="destinations">The destinations that take new work: disabled ones left out, paused ones included
    /// (their deliveries are held).</param>
    public DeliveryPlanner(IEnumerable<Destination> destinations, TimeSpan? patternTimeout = null) =>
        _destinations = destinations.Select(d => (d, new DestinationFilterMatcher(d.Filter, patternTimeout))).ToList();

    /// <param name="history">Each destination's announcement state for this article's key; missing means none.</param>
    public DeliveryPlan Plan(Article article, IReadOnlyDictionary<string, AnnouncementState> history)
    {
        var deliveries = new List<PlannedDelivery>();
        var fanOuts = new List<PlannedFanOut>();
        var timeouts = new List<string>();

        foreach (var (destination, matcher) in _destinations)
        {
            var state = history.GetValueOrDefault(destination.Name, AnnouncementState.None);
            var isEmail = destination.Channel == ChannelNames.Email;
            // An email destination with an address is one mailbox, not a subscriber list.
            var isList = isEmail && string.IsNullOrEmpty(destination.Address);
            var isChats = TelegramSubscriberDestination.IsSubscriberList(destination);

            DeliveryKind? kind;
            if (article.Retracted)
            {
                kind = !isEmail && state != AnnouncementState.None ? DeliveryKind.Delete : null;
            }
            else if (state != AnnouncementState.None)
            {
                kind = !isEmail ? DeliveryKind.Edit
                    : destination.SendCorrections && state == AnnouncementState.Sent ? DeliveryKind.Correction
                    : null;
            }
            else
            {
                var match = matcher.Match(article);
                if (match == FilterResult.PatternTimedOut) timeouts.Add(destination.Name);
                kind = match == FilterResult.Match ? DeliveryKind.Announce : null;
            }

            if (kind is not { } k) continue;
            if (isChats)
            {
                fanOuts.Add(k == DeliveryKind.Announce
                    ? new PlannedFanOut(article.Key, article.Version, destination.Name, k, FanOutSource.ChatSubscribers) { Topics = SubscriptionTopic.Of(article) }
                    : new PlannedFanOut(article.Key, article.Version, destination.Name, k, FanOutSource.AnnouncedChats));
            }
            else if (isList)
            {
                var source = k == DeliveryKind.Correction ? FanOutSource.AnnouncedRecipients : FanOutSource.ActiveSubscribers;
                fanOuts.Add(new PlannedFanOut(article.Key, article.Version, destination.Name, k, source));
            }
            else
            {
                var recipient = isEmail ? FanOutBatch.NormalizeAddress(destination.Address) : PlannedDelivery.NoRecipient;
                deliveries.Add(new PlannedDelivery(article.Key, article.Version, destination.Name, recipient, k));
            }
        }

        return new DeliveryPlan(deliveries, fanOuts, article.Retracted, timeouts);
    }
}
