using Bot.Core.Storage;

namespace Bot.Core.Hosts;

/// <summary>
/// The election of a store with one host (SQLite): this host holds every singleton it asks for, for good, and its
/// state writes need no fencing.
/// </summary>
public sealed class AlwaysLeaderElector(IBotStateStore state) : ILeaderElector
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Held
    {
        get
        {
            lock (_gate) return [.. _held.Order(StringComparer.Ordinal)];
        }
    }

    public event Action? Changed;

    public Task<SingletonLease> AcquireAsync(string singleton, CancellationToken cancellationToken)
    {
        lock (_gate) _held.Add(singleton);
        Changed?.Invoke();
        return Task.FromResult(new SingletonLease(singleton, 1, null, CancellationToken.None));
    }

    public void Withdraw(string singleton)
    {
        bool removed;
        lock (_gate) removed = _held.Remove(singleton);
        if (removed) Changed?.Invoke();
    }

    public Task<bool> MarkRunAsync(SingletonLease lease, CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task<bool> SetStateAsync(string singleton, string key, string value, CancellationToken cancellationToken)
    {
        await state.SetAsync(key, value, cancellationToken);
        return true;
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Wake()
    {
    }
}
