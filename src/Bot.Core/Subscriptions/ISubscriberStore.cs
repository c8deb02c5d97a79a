namespace Bot.Core.Subscriptions;

/// <summary>
/// Email list subscribers. Addresses are passed and stored normalised (<see cref="SubscriberAddress.Normalize"/>).
/// Unsubscribed and bounced are sticky: nothing an admin adds or imports changes them (see <see cref="SubscriberAdd"/>).
/// Implemented on the <c>subscribers</c> table in Bot.Storage.
/// </summary>
public interface ISubscriberStore
{
    Task<Subscriber?> GetAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>Subscribers of one list, or of every list, ordered by list then address.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(string? list, CancellationToken cancellationToken);

    /// <summary>
    /// Records a double opt-in request in one transaction that writes the address's row whatever its state, so a
    /// known address costs the store the same work as an unknown one. A mail is due unless one went out in answer to
    /// a request after <paramref name="lastMailBefore"/>. When it is due, a new address becomes pending, a pending,
    /// bounced or unsubscribed one becomes pending again (a new request cycle: its request time renewed), and an
    /// active one stays active. The name is kept when none is given.
    /// </summary>
    Task<SubscriberRequest> RequestAsync(string list, string email, string? name, DateTimeOffset lastMailBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Activates a pending subscriber whose current request is not newer than <paramref name="requestedNoLaterThan"/>,
    /// so a link from an earlier request cycle cannot confirm a later one. Anything else is <see cref="SubscriberChange.NotFound"/>.
    /// </summary>
    Task<SubscriberChange> ConfirmAsync(string list, string email, DateTimeOffset requestedNoLaterThan, CancellationToken cancellationToken);

    /// <summary>Takes an active or pending subscriber off the list; already unsubscribed is <see cref="SubscriberChange.Unchanged"/>.</summary>
    Task<SubscriberChange> UnsubscribeAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>An admin's add: a new or pending address is active at once; an unsubscribed or bounced one is kept as it is.</summary>
    Task<SubscriberAdd> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken);

    /// <summary>Many admin adds in one transaction, with the same rules; one outcome per row, in order.</summary>
    Task<IReadOnlyList<SubscriberAdd>> AddActiveAsync(IReadOnlyList<SubscriberImportRow> rows, CancellationToken cancellationToken);

    /// <summary>Brings a bounced address back to active; anything else is <see cref="SubscriberChange.NotFound"/> and unchanged.</summary>
    Task<SubscriberChange> ReactivateAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>Marks the address unsubscribed on one list, or on every list when <paramref name="list"/> is null; returns rows changed.</summary>
    Task<int> RemoveAsync(string? list, string email, CancellationToken cancellationToken);

    /// <summary>The mailbox refused mail for good. Only an active or pending address becomes bounced: an unsubscribe stays.</summary>
    Task MarkBouncedAsync(string list, string email, CancellationToken cancellationToken);
}
