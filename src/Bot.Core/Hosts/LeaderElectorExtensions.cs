namespace Bot.Core.Hosts;

public static class LeaderElectorExtensions
{
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="work"/> each time this host holds <paramref name="singleton"/>, with a token that fires when it
    /// loses it or the host stops; returns when <paramref name="stoppingToken"/> fires, and gives the singleton up.
    /// Work that ends while still elected (nothing more to do) keeps the singleton, so no other host starts it either;
    /// work that fails is logged by <paramref name="onFailure"/> and started again a second later if still elected.
    /// </summary>
    public static async Task RunWhileLeaderAsync(
        this ILeaderElector elector,
        string singleton,
        Func<SingletonLease, CancellationToken, Task> work,
        Action<Exception> onFailure,
        TimeProvider time,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(elector);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(onFailure);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var lease = await elector.AcquireAsync(singleton, stoppingToken);
                using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                try
                {
                    await work(lease, term.Token);
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, term.Token);
                }
                catch (OperationCanceledException) when (term.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    onFailure(e);
                    try
                    {
                        await Task.Delay(AfterFailure, time, term.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            elector.Withdraw(singleton);
        }
    }
}
