using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;

namespace Bot.Core.Delivery.Planning;

/// <summary>
/// Decides, for one article version, what each announcement thread gets. A thread is a destination's announcement
/// (generation 0) or one of its <c>/publish</c> copies (generation 1, 2, …):
/// <list type="bullet">
/// <item>never announced and the filter matches: an announcement (per member for a list audience);</item>
/// <item>announced (or on its way) where messages edit in place: an edit with the new version, filter or not,
/// because the message is out there and should be right — for every copy;</item>
/// <item>announced where they do not (email) and the destination asks for corrections: a correction to each
/// recipient who got it;</item>
/// <item>retracted: pending sends cancelled, and a delete for every thread whose messages can be deleted;</item>
/// <item>otherwise nothing.</item>
/// </list>
/// Pure: the caller supplies the history and stores the plan idempotently, so planning twice is harmless. What
/// each delivery finally sends is decided at send time against the article's current version.
/// </summary>
public sealed class DeliveryPlanner
{
    private readonly IReadOnlyList<(Destination Destination, DestinationFilterMatcher Matcher)> _destinations;

    /// <param name="destinations">The destinations that take new work: disabled ones left out, paused ones included
    /// (their deliveries are held).</param>
    public DeliveryPlanner(IEnumerable<Destination> destinations, TimeSpan? patternTimeout = null) =>
        _destinations = destinations.Select(d => (d, new DestinationFilterMatcher(d.Filter, patternTimeout))).ToList();

    public DeliveryPlan Plan(Article article, AnnouncementHistory history)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(history);
        var deliveries = new List<PlannedDelivery>();
        var fanOuts = new List<PlannedFanOut>();
        var timeouts = new List<string>();

        foreach (var (destination, matcher) in _destinations)
        {
            var generations = history.GenerationsOf(destination.Name);
            if (!generations.Contains(0) || history.StateOf(destination.Name) == AnnouncementState.None)
            {
                // The original thread never started: the filter decides whether it starts now.
                if (!article.Retracted)
                {
                    var match = matcher.Match(article);
                    if (match == FilterResult.PatternTimedOut) timeouts.Add(destination.Name);
                    if (match == FilterResult.Match) Add(destination, DeliveryKind.Announce, 0);
                }
            }

            foreach (var generation in generations)
            {
                var state = history.StateOf(destination.Name, generation);
                if (state == AnnouncementState.None) continue;
                if (FollowUp(destination, state, article.Retracted) is { } kind) Add(destination, kind, generation);
            }
        }

        return new DeliveryPlan(deliveries, fanOuts, article.Retracted, timeouts);

        void Add(Destination destination, DeliveryKind kind, int generation)
        {
            switch (destination.Audience)
            {
                case Audience.ChatSubscribers:
                    fanOuts.Add(kind == DeliveryKind.Announce
                        ? new PlannedFanOut(article.Key, article.Version, destination.Name, kind, FanOutSource.ChatSubscribers, generation) { Topics = SubscriptionTopic.Of(article) }
                        : new PlannedFanOut(article.Key, article.Version, destination.Name, kind, FanOutSource.AnnouncedChats, generation));
                    break;
                case Audience.MailingList:
                    var source = kind == DeliveryKind.Announce ? FanOutSource.ActiveSubscribers : FanOutSource.AnnouncedRecipients;
                    fanOuts.Add(new PlannedFanOut(article.Key, article.Version, destination.Name, kind, source, generation));
                    break;
                default:
                    var recipient = destination.RendersPerRecipient ? FanOutBatch.NormalizeAddress(destination.Address) : PlannedDelivery.NoRecipient;
                    deliveries.Add(new PlannedDelivery(article.Key, article.Version, destination.Name, recipient, kind, generation));
                    break;
            }
        }
    }

    /// <summary>What a thread that started gets from a new version.</summary>
    private static DeliveryKind? FollowUp(Destination destination, AnnouncementState state, bool retracted)
    {
        if (destination.EditsInPlace) return retracted ? DeliveryKind.Delete : DeliveryKind.Edit;
        return !retracted && destination.SendCorrections && state == AnnouncementState.Sent ? DeliveryKind.Correction : null;
    }
}
