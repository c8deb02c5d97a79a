namespace Bot.IntegrationTests.Support;

/// <summary>
/// Polls a condition until it holds. The limit is generous on purpose: it only bounds a broken run,
/// it never decides whether something was fast enough.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? DefaultLimit);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"Still not true after {(limit ?? DefaultLimit).TotalSeconds:0}s: {what}");
            }

            await Task.Delay(100);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, limit);
}
