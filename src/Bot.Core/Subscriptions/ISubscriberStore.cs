namespace Bot.Core.Subscriptions;

/// <summary>
/// Email list subscribers. Addresses are passed and stored normalised (<see cref="SubscriberAddress.Normalize"/>).
/// Implemented on the <c>subscribers</c> table in Bot.Storage.
/// </summary>
public interface ISubscriberStore
{
    Task<Subscriber?> GetAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>Subscribers of one list, or of every list, ordered by list then address.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(string? list, CancellationToken cancellationToken);

    /// <summary>
    /// Records a double opt-in request: a new address becomes pending, a pending, bounced or unsubscribed one becomes
    /// pending again (its request time renewed); an active one is left alone. The name is kept when none is given.
    /// </summary>
    Task<SubscriberChange> RequestAsync(string list, string email, string? name, CancellationToken cancellationToken);

    /// <summary>
    /// Activates a pending subscriber whose current request is not newer than <paramref name="requestedNoLaterThan"/>,
    /// so a link from an earlier request cycle cannot confirm a later one. Anything else is <see cref="SubscriberChange.NotFound"/>.
    /// </summary>
    Task<SubscriberChange> ConfirmAsync(string list, string email, DateTimeOffset requestedNoLaterThan, CancellationToken cancellationToken);

    /// <summary>Takes an active or pending subscriber off the list; already unsubscribed is <see cref="SubscriberChange.Unchanged"/>.</summary>
    Task<SubscriberChange> UnsubscribeAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>An admin's add: the address is active at once, whatever its state was.</summary>
    Task<SubscriberChange> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken);

    /// <summary>Many admin adds in one transaction; every row becomes active.</summary>
    Task<SubscriberImportCounts> AddActiveAsync(IReadOnlyList<SubscriberImportRow> rows, CancellationToken cancellationToken);

    /// <summary>Marks the address unsubscribed on one list, or on every list when <paramref name="list"/> is null; returns rows changed.</summary>
    Task<int> RemoveAsync(string? list, string email, CancellationToken cancellationToken);

    /// <summary>The mailbox refused mail for good.</summary>
    Task MarkBouncedAsync(string list, string email, CancellationToken cancellationToken);
}
