using Bot.Core.Admin;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Timing;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>
/// The engine's two steps, each one round at a time so a hosted worker can loop them and tests can drive them on
/// a fake clock: <see cref="PlanPendingAsync"/> turns imported article versions into deliveries, and
/// <see cref="DispatchOnceAsync"/> claims due deliveries, renders, sends and records each outcome.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IDeliveryStore store,
    IArticleStore articles,
    IMessageRenderer renderer,
    IRecipientDirectory recipients,
    ChannelSenderSet senders,
    DestinationCatalog catalog,
    RetrySchedule retry,
    SendPacer pacer,
    LeaseClock leases,
    DispatchOptions options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger,
    IAdminNotifier? notifier = null,
    ITelegramSubscriberStore? chatSubscribers = null)
{
    /// <summary>Who holds this host's leases: unique per process, readable in <c>bot deliveries</c>.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    // Article versions never change once stored, and a fan-out renders the same one for every recipient.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, int Version), Article> _articles = new();

    /// <summary>Signalled whenever planning creates deliveries, so dispatching starts before a big fan-out ends.</summary>
    public DeliverySignal WorkAvailable { get; } = new();

    /// <summary>Plans every imported article version that is not planned yet; returns how many deliveries were created.</summary>
    public async Task<int> PlanPendingAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        while (true)
        {
            var pending = await store.ListUnplannedAsync(32, cancellationToken);
            if (pending.Count == 0) return created;
            foreach (var (key, version) in pending)
            {
                created += await PlanAsync(key, version, cancellationToken);
            }
        }
    }

    /// <summary>Plans one article version. Safe to repeat: existing deliveries are left as they are.</summary>
    public async Task<int> PlanAsync(string articleKey, int version, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(articleKey, version, cancellationToken);
        if (article is null)
        {
            LogArticleMissing(articleKey, version);
            await store.MarkPlannedAsync(articleKey, version, cancellationToken);
            return 0;
        }

        var states = await store.ListDestinationsAsync(cancellationToken);
        var disabled = states.Where(s => s.Disabled).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var planner = new DeliveryPlanner(catalog.All.Where(d => !disabled.Contains(d.Name)));
        var history = await store.GetAnnouncementStatesAsync(articleKey, version, cancellationToken);
        var plan = planner.Plan(article, history);

        foreach (var name in plan.PatternTimeouts)
        {
            LogPatternTimeout(name, articleKey, version);
        }
        if (plan.CancelPending)
        {
            var cancelled = await store.CancelPendingAsync(articleKey, cancellationToken);
            if (cancelled > 0) LogCancelledOnRetraction(articleKey, cancelled);
        }

        var created = await store.AddAsync(plan.Deliveries, cancellationToken);
        if (created > 0) WorkAvailable.Notify();
        foreach (var fanOut in plan.FanOuts)
        {
            var cursor = 0L;
            while (true)
            {
                var batch = await store.FanOutAsync(fanOut, cursor, options.FanOutPageSize, cancellationToken);
                created += batch.Created;
                if (batch.Created > 0) WorkAvailable.Notify();
                cursor = batch.NextCursor;
                if (batch.Done) break;
            }
        }

        await store.MarkPlannedAsync(articleKey, version, cancellationToken);
        LogPlanned(articleKey, version, created);
        return created;
    }

    /// <summary>Claims one batch of due deliveries and processes it; returns how many were claimed.</summary>
    /// <param name="sendToken">Cancels sends already under way; <paramref name="cancellationToken"/> only stops new claims.</param>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken, CancellationToken sendToken = default)
    {
        var now = time.GetUtcNow();
        var claimed = await store.ClaimAsync(Owner, options.BatchSize, now, leases.NewLeaseUntil(), cancellationToken);
        if (claimed.Count == 0) return 0;

        var states = (await store.ListDestinationsAsync(cancellationToken))
            .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var members = await FindMembersAsync(claimed, cancellationToken);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<(ClaimedDelivery Delivery, SentDelivery Sent)>();
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism },
            async (delivery, _) => await ProcessAsync(delivery, states.GetValueOrDefault(delivery.Destination), members, sent, sendToken));

        // Recorded before the next claim, so an edit or delete behind these finds their remote ids.
        if (!sent.IsEmpty)
        {
            await store.MarkSentAsync(Owner, sent.Select(s => s.Sent).ToList(), time.GetUtcNow(), CancellationToken.None);
            foreach (var (delivery, record) in sent)
            {
                LogSent(delivery.Id, delivery.Destination, delivery.ArticleKey, delivery.ArticleVersion, DeliveryNames.Of(delivery.Kind), record.RemoteIds.Count);
            }
        }
        return claimed.Count;
    }

    // A fan-out round is hundreds of emails to one list: their subscribers are read in one query per list, not
    // one per delivery.
    private async Task<Dictionary<string, IReadOnlyDictionary<string, EmailRecipient>>> FindMembersAsync(
        IReadOnlyList<ClaimedDelivery> claimed, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, IReadOnlyDictionary<string, EmailRecipient>>(StringComparer.OrdinalIgnoreCase);
        var lists = claimed
            .Where(d => d.Kind != DeliveryKind.Delete && d.Recipient.Length > 0)
            .Select(d => (Delivery: d, Destination: catalog.Find(d.Destination)))
            .Where(x => x.Destination is { Channel: ChannelNames.Email, Address: null or "" })
            .GroupBy(x => x.Destination!.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var list in lists)
        {
            var emails = list.Select(x => x.Delivery.Recipient).Distinct(StringComparer.Ordinal).ToList();
            members[list.Key] = await recipients.FindManyAsync(list.Key, emails, cancellationToken);
        }
        return members;
    }

    private async Task ProcessAsync(
        ClaimedDelivery delivery,
        DestinationState? state,
        Dictionary<string, IReadOnlyDictionary<string, EmailRecipient>> members,
        System.Collections.Concurrent.ConcurrentQueue<(ClaimedDelivery, SentDelivery)> sent,
        CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ProcessCoreAsync(delivery, state, members, cancellationToken);
            if (outcome is SendOutcome.Sent ok)
            {
                sent.Enqueue((delivery, new SentDelivery(delivery.Id, ok.RemoteIds)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the worker releases this lease with all others it holds.
            LogInterrupted(delivery.Id);
        }
        catch (Exception e)
        {
            // A bug or an unclassified failure: never lose the delivery, retry it on the normal schedule.
            LogSendFailed(e, delivery.Id);
            await RecordAsync(delivery, ChannelOf(delivery, state),
                new SendOutcome.RetryLater(delivery.RemoteIds, null, e.GetType().Name + ": " + e.Message), state, CancellationToken.None);
        }
    }

    /// <summary>Sends one delivery and records every outcome but success, which the caller records for the whole round.</summary>
    private async Task<SendOutcome?> ProcessCoreAsync(
        ClaimedDelivery delivery,
        DestinationState? state,
        Dictionary<string, IReadOnlyDictionary<string, EmailRecipient>> members,
        CancellationToken cancellationToken)
    {
        var destination = catalog.Find(delivery.Destination);
        if (destination is null)
        {
            await store.CancelAsync(delivery.Id, Owner, "destination no longer configured", time.GetUtcNow(), CancellationToken.None);
            LogCancelled(delivery.Id, "destination no longer configured");
            return null;
        }

        var sender = senders.Find(destination.Channel)
            ?? throw new InvalidOperationException($"no sender registered for channel '{destination.Channel}'");
        // A list member (an email address, a subscriber's private chat) is its own target.
        var address = delivery.Recipient.Length > 0
            ? delivery.Recipient
            : state?.Address is { Length: > 0 } moved ? moved : destination.Address;

        var pace = pacer.TryAcquire(destination.Channel, address);
        if (!pace.Allowed)
        {
            var wait = pace.NextAllowedAt - time.GetUtcNow();
            if (wait > options.MaxPacingWait)
            {
                await store.RescheduleAsync(delivery.Id, Owner, pace.NextAllowedAt, null, delivery.RemoteIds, countAttempt: false, time.GetUtcNow(), CancellationToken.None);
                return null;
            }
            await Task.Delay(wait, time, cancellationToken);
            pace = pacer.TryAcquire(destination.Channel, address);
            if (!pace.Allowed)
            {
                await store.RescheduleAsync(delivery.Id, Owner, pace.NextAllowedAt, null, delivery.RemoteIds, countAttempt: false, time.GetUtcNow(), CancellationToken.None);
                return null;
            }
        }

        var target = new DeliveryTarget(destination.Channel, destination.Name, address)
        {
            Reference = new DeliveryReference(delivery.Id, delivery.ArticleKey, delivery.ArticleVersion, delivery.Kind),
        };

        SendOutcome outcome;
        if (delivery.Kind is DeliveryKind.Edit or DeliveryKind.Delete)
        {
            var sent = await store.GetSentRemoteIdsAsync(delivery.ArticleKey, delivery.Destination, delivery.Recipient, cancellationToken);
            if (sent is null || sent.Count == 0)
            {
                await store.CancelAsync(delivery.Id, Owner, "nothing was sent to " + DeliveryNames.Of(delivery.Kind), time.GetUtcNow(), CancellationToken.None);
                LogCancelled(delivery.Id, "nothing was sent");
                return null;
            }

            if (delivery.Kind == DeliveryKind.Delete)
            {
                outcome = await sender.DeleteAsync(target, sent, cancellationToken);
            }
            else
            {
                var message = await RenderAsync(delivery, destination, members, cancellationToken);
                if (message is null) return null;
                outcome = await sender.EditAsync(target, message, sent, cancellationToken);
            }
        }
        else
        {
            var message = await RenderAsync(delivery, destination, members, cancellationToken);
            if (message is null) return null;
            outcome = await sender.SendAsync(target, message, delivery.RemoteIds, cancellationToken);
        }

        if (outcome is SendOutcome.Sent) return outcome;
        await RecordAsync(delivery, destination.Channel, outcome, state, CancellationToken.None, address);
        return outcome;
    }

    private async Task<RenderedMessage?> RenderAsync(
        ClaimedDelivery delivery,
        Destination destination,
        Dictionary<string, IReadOnlyDictionary<string, EmailRecipient>> members,
        CancellationToken cancellationToken)
    {
        var article = await GetArticleAsync(delivery.ArticleKey, delivery.ArticleVersion, cancellationToken);
        if (article is null)
        {
            await MarkDeadAsync(delivery, "article version not found in the store", delivery.RemoteIds);
            return null;
        }

        EmailRecipient? recipient = null;
        if (destination.Channel == ChannelNames.Email)
        {
            recipient = string.IsNullOrEmpty(destination.Address)
                ? members.GetValueOrDefault(destination.Name)?.GetValueOrDefault(delivery.Recipient)
                    ?? await recipients.FindAsync(destination.Name, delivery.Recipient, cancellationToken)
                : new EmailRecipient(destination.Address, null, null);
            if (recipient is null)
            {
                await store.CancelAsync(delivery.Id, Owner, "no longer an active subscriber", time.GetUtcNow(), CancellationToken.None);
                LogCancelled(delivery.Id, "no longer an active subscriber");
                return null;
            }
        }

        return renderer.Render(article, destination, recipient);
    }

    private async Task<Article?> GetArticleAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (_articles.TryGetValue((key, version), out var cached)) return cached;
        var article = await articles.GetAsync(key, version, cancellationToken);
        if (article is null) return null;
        if (_articles.Count >= 256) _articles.Clear();
        _articles[(key, version)] = article;
        return article;
    }

    private async Task RecordAsync(
        ClaimedDelivery delivery,
        string channel,
        SendOutcome outcome,
        DestinationState? state,
        CancellationToken cancellationToken,
        string? address = null)
    {
        var now = time.GetUtcNow();
        address ??= state?.Address ?? "";
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await store.MarkSentAsync(delivery.Id, Owner, sent.RemoteIds, now, cancellationToken);
                LogSent(delivery.Id, delivery.Destination, delivery.ArticleKey, delivery.ArticleVersion, DeliveryNames.Of(delivery.Kind), sent.RemoteIds.Count);
                break;

            case SendOutcome.RetryLater later:
                if (later.RetryAfter is { } wait)
                {
                    pacer.Hold(channel, address, now + wait);
                }
                switch (retry.Next(delivery.Attempts, later.RetryAfter))
                {
                    case RetryDecision.RetryAt at:
                        await store.RescheduleAsync(delivery.Id, Owner, at.At, later.Reason, later.RemoteIds, countAttempt: true, now, cancellationToken);
                        LogRetrying(delivery.Id, delivery.Attempts, at.At, later.Reason);
                        break;
                    default:
                        await MarkDeadAsync(delivery, $"gave up after {delivery.Attempts} attempts: {later.Reason}", later.RemoteIds);
                        break;
                }
                break;

            case SendOutcome.Rejected rejected:
                // A lost target is told once, as the destination's notice, not once more per dead delivery.
                await MarkDeadAsync(delivery, "rejected: " + rejected.Reason, rejected.RemoteIds, tellAdmins: !rejected.TargetGone);
                if (rejected.TargetGone)
                {
                    await TargetGoneAsync(delivery, channel, rejected.Reason, now);
                }
                break;

            case SendOutcome.TargetMoved moved:
                await store.SetAddressAsync(delivery.Destination, moved.NewAddress, cancellationToken);
                await store.RescheduleAsync(delivery.Id, Owner, now, "target moved", moved.RemoteIds, countAttempt: false, now, cancellationToken);
                await store.AuditAsync("dispatcher", "destination-moved", delivery.Destination, $"now at {moved.NewAddress}", now, cancellationToken);
                LogMoved(delivery.Id, delivery.Destination, moved.NewAddress);
                notifier?.Notify(new AdminNotice(AdminNoticeKind.TargetMoved, delivery.Destination, moved.NewAddress));
                break;

            case SendOutcome.Unavailable unavailable:
                var until = now + options.UnavailableRetry;
                pacer.Hold(channel, null, until);
                await store.RescheduleAsync(delivery.Id, Owner, until, "channel unavailable: " + unavailable.Reason, unavailable.RemoteIds, countAttempt: false, now, cancellationToken);
                LogChannelUnavailable(delivery.Id, channel, unavailable.Reason, until);
                break;
        }
    }

    private async Task TargetGoneAsync(ClaimedDelivery delivery, string channel, string reason, DateTimeOffset now)
    {
        if (channel == ChannelNames.Email && delivery.Recipient.Length > 0 && string.IsNullOrEmpty(catalog.Find(delivery.Destination)?.Address))
        {
            // A dead mailbox is one subscriber's problem, not the list's.
            await recipients.MarkBouncedAsync(delivery.Destination, delivery.Recipient, reason, CancellationToken.None);
            await store.AuditAsync("dispatcher", "subscriber-bounced", delivery.Recipient, reason, now, CancellationToken.None);
            return;
        }

        if (channel == ChannelNames.Telegram && delivery.Recipient.Length > 0 && chatSubscribers is not null
            && long.TryParse(delivery.Recipient, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var chat))
        {
            // A reader who blocked the bot leaves the subscribers; everyone else keeps getting the news.
            await chatSubscribers.MarkBlockedAsync(chat, reason, CancellationToken.None);
            await store.AuditAsync("dispatcher", "subscriber-blocked", delivery.Recipient, reason, now, CancellationToken.None);
            LogSubscriberBlocked(delivery.Id, delivery.Recipient, reason);
            return;
        }

        await store.SetDisabledAsync(delivery.Destination, reason, CancellationToken.None);
        await store.AuditAsync("dispatcher", "destination-disabled", delivery.Destination, reason, now, CancellationToken.None);
        LogDestinationDisabled(delivery.Id, delivery.Destination, reason);
        notifier?.Notify(new AdminNotice(AdminNoticeKind.DestinationDisabled, delivery.Destination, reason));
    }

    private async Task MarkDeadAsync(ClaimedDelivery delivery, string error, IReadOnlyList<string> remoteIds, bool tellAdmins = true)
    {
        var now = time.GetUtcNow();
        await store.MarkDeadAsync(delivery.Id, Owner, error, remoteIds, now, CancellationToken.None);
        var to = delivery.Recipient.Length > 0 ? $"{delivery.Destination} {delivery.Recipient}" : delivery.Destination;
        var detail = $"{DeliveryNames.Of(delivery.Kind)} of {delivery.ArticleKey} v{delivery.ArticleVersion} to {to}: {error}";
        await store.AuditAsync("dispatcher", "delivery-dead", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), detail, now, CancellationToken.None);
        LogDead(delivery.Id, delivery.Destination, delivery.ArticleKey, error);
        if (tellAdmins) notifier?.Notify(new AdminNotice(AdminNoticeKind.DeliveryDead, delivery.Destination, $"#{delivery.Id} {detail}"));
    }

    private string ChannelOf(ClaimedDelivery delivery, DestinationState? state) =>
        catalog.Find(delivery.Destination)?.Channel ?? state?.Channel ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {ArticleKey} v{Version}: {Created} new deliveries")]
    private partial void LogPlanned(string articleKey, int version, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {ArticleKey} v{Version} is not in the store; nothing planned")]
    private partial void LogArticleMissing(string articleKey, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The filter pattern of destination {Destination} timed out on {ArticleKey} v{Version}; treated as no match")]
    private partial void LogPatternTimeout(string destination, string articleKey, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraction of {ArticleKey} cancelled {Count} deliveries not yet sent")]
    private partial void LogCancelledOnRetraction(string articleKey, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} sent: {Kind} of {ArticleKey} v{Version} to {Destination}, {Parts} part(s)")]
    private partial void LogSent(long deliveryId, string destination, string articleKey, int version, string kind, int parts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt} failed, retrying at {RetryAt:O}: {Reason}")]
    private partial void LogRetrying(long deliveryId, int attempt, DateTimeOffset retryAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} to {Destination} of {ArticleKey} is dead: {Reason}")]
    private partial void LogDead(long deliveryId, string destination, string articleKey, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: destination {Destination} disabled: {Reason}")]
    private partial void LogDestinationDisabled(long deliveryId, string destination, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: private chat {Chat} refuses the bot and is unsubscribed: {Reason}")]
    private partial void LogSubscriberBlocked(long deliveryId, string chat, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: destination {Destination} moved to {Address}; retrying there")]
    private partial void LogMoved(long deliveryId, string destination, string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: channel {Channel} unavailable ({Reason}); next try at {RetryAt:O}")]
    private partial void LogChannelUnavailable(long deliveryId, string channel, string reason, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} cancelled: {Reason}")]
    private partial void LogCancelled(long deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} interrupted by shutdown; its lease is released")]
    private partial void LogInterrupted(long deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed unexpectedly")]
    private partial void LogSendFailed(Exception exception, long deliveryId);
}
