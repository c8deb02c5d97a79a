using Bot.Core.Subscriptions;

namespace Bot.IntegrationTests.Email;

/// <summary>The real subscriber store, with a journal of the calls made to it: the work a request costs the store.</summary>
internal sealed class JournalingSubscriberStore(ISubscriberStore inner) : ISubscriberStore
{
    private readonly List<string> calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    public void Clear()
    {
        lock (calls)
        {
            calls.Clear();
        }
    }

    public Task<Subscriber?> GetAsync(string list, string email, CancellationToken cancellationToken) =>
        Record(nameof(GetAsync), () => inner.GetAsync(list, email, cancellationToken));

    public IAsyncEnumerable<Subscriber> ListAsync(string? list, CancellationToken cancellationToken)
    {
        Record(nameof(ListAsync));
        return inner.ListAsync(list, cancellationToken);
    }

    public Task<SubscriberRequest> RequestAsync(string list, string email, string? name, DateTimeOffset lastMailBefore, CancellationToken cancellationToken) =>
        Record(nameof(RequestAsync), () => inner.RequestAsync(list, email, name, lastMailBefore, cancellationToken));

    public Task<SubscriberChange> ConfirmAsync(string list, string email, DateTimeOffset requestedNoLaterThan, CancellationToken cancellationToken) =>
        Record(nameof(ConfirmAsync), () => inner.ConfirmAsync(list, email, requestedNoLaterThan, cancellationToken));

    public Task<SubscriberChange> UnsubscribeAsync(string list, string email, CancellationToken cancellationToken) =>
        Record(nameof(UnsubscribeAsync), () => inner.UnsubscribeAsync(list, email, cancellationToken));

    public Task<SubscriberAdd> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken) =>
        Record(nameof(AddActiveAsync), () => inner.AddActiveAsync(list, email, name, cancellationToken));

    public Task<IReadOnlyList<SubscriberAdd>> AddActiveAsync(IReadOnlyList<SubscriberImportRow> rows, CancellationToken cancellationToken) =>
        Record(nameof(AddActiveAsync), () => inner.AddActiveAsync(rows, cancellationToken));

    public Task<SubscriberChange> ReactivateAsync(string list, string email, CancellationToken cancellationToken) =>
        Record(nameof(ReactivateAsync), () => inner.ReactivateAsync(list, email, cancellationToken));

    public Task<int> RemoveAsync(string? list, string email, CancellationToken cancellationToken) =>
        Record(nameof(RemoveAsync), () => inner.RemoveAsync(list, email, cancellationToken));

    public Task MarkBouncedAsync(string list, string email, CancellationToken cancellationToken) =>
        Record(nameof(MarkBouncedAsync), () => inner.MarkBouncedAsync(list, email, cancellationToken));

    private T Record<T>(string call, Func<T> work)
    {
        Record(call);
        return work();
    }

    private void Record(string call)
    {
        lock (calls)
        {
            calls.Add(call);
        }
    }
}
