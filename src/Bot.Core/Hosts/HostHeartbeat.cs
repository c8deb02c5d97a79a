using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Hosts;

/// <summary>
/// Writes this host's heartbeat every <see cref="ElectionOptions.RenewEvery"/>, at once when it takes or loses a
/// singleton, and signs off when the host stops, so <c>bot hosts</c> and the admin pages show who is alive and what
/// each one runs.
/// </summary>
public sealed partial class HostHeartbeat(
    IHostRegistry registry,
    ILeaderElector elector,
    LeaseOwner owner,
    ElectionOptions options,
    TimeProvider time,
    ILogger<HostHeartbeat> logger)
{
    private readonly DeliverySignal _changed = new();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        elector.Changed += _changed.Notify;
        var failing = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await registry.BeatAsync(new HostBeat(owner.Name, owner.Host, started, [.. elector.Held]), stoppingToken);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (!failing) LogBeatFailed(e);
                    failing = true;
                }

                await _changed.WaitAsync(options.RenewEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            elector.Changed -= _changed.Notify;
            await SignOffAsync();
        }
    }

    private async Task SignOffAsync()
    {
        using var bounded = new CancellationTokenSource(options.RenewEvery);
        try
        {
            await registry.RemoveAsync(owner.Name, bounded.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSignOffFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing this host's heartbeat failed; retrying")]
    private partial void LogBeatFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sign this host off on stop; it shows as silent until the maintenance sweep forgets it")]
    private partial void LogSignOffFailed(Exception exception);
}
