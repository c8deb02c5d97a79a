using Microsoft.Extensions.Time.Testing;

namespace Bot.IntegrationTests.Telegram;

/// <summary>
/// A fake clock that counts the timers created on it, so a test can wait until the code under test is really
/// sleeping before it advances time; advancing earlier would leave the sleep waiting for a time that never comes.
/// </summary>
public sealed class ObservedTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero))
{
    private int timers;

    public int TimersCreated => Volatile.Read(ref timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref timers);
        return timer;
    }

    /// <summary>Waits (real time, bounded) until at least <paramref name="count"/> timers exist.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (TimersCreated < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
