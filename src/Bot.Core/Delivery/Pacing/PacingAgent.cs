using Bot.Core.Delivery.Claiming;
using Bot.Core.Hosts;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// Keeps a <see cref="SharedSendPacer"/> in step with the <see cref="IPacingStore"/>: every
/// <see cref="SharedPacingTimings.Period"/> while this host holds or wants a share or a target, at once when a send
/// asks for one (but never twice within <see cref="SharedPacingTimings.MinGap"/>), and not at all while it sends
/// nothing. Holds it passes on are announced to the other hosts, which fetch them at once. When the host stops, it
/// gives everything back.
/// </summary>
public sealed partial class PacingAgent(
    SharedSendPacer pacer,
    IPacingStore store,
    LeaseOwner owner,
    TimeProvider time,
    ILogger<PacingAgent> logger,
    IHostSignals? signals = null)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var timings = pacer.Timings;
        var failing = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var request = pacer.PrepareExchange(owner.Name);
                if (request is not null)
                {
                    failing = !await ExchangeAsync(request, failing, stoppingToken);
                    await Task.Delay(timings.MinGap, time, stoppingToken);
                }

                await pacer.ExchangeNeeded.WaitAsync(request is null ? timings.Idle : timings.Period - timings.MinGap, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await GiveBackAsync(timings);
        }
    }

    /// <summary>One exchange; false when it failed.</summary>
    public async Task<bool> ExchangeAsync(PacingRequest request, bool failing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sent = time.GetTimestamp();
        try
        {
            var answer = await store.ExchangeAsync(request, cancellationToken);
            pacer.Apply(request, answer, sent);
            if (request.Holds.Count > 0) signals?.Publish(HostTopics.Holds);
            if (failing) LogRecovered();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing is renewed: shares and targets run out here before they do in the store, and sends wait.
            pacer.ExchangeFailed(request);
            if (!failing) LogExchangeFailed(e);
            return false;
        }
    }

    private async Task GiveBackAsync(SharedPacingTimings timings)
    {
        if (pacer.PrepareGiveBack(owner.Name) is not { } last) return;
        using var bounded = new CancellationTokenSource(timings.ShareLease);
        try
        {
            await store.ExchangeAsync(last, bounded.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogGiveBackFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Exchanging send budgets with the other hosts failed; this host sends nothing where its share or target runs out until it works again")]
    private partial void LogExchangeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchanging send budgets with the other hosts works again")]
    private partial void LogRecovered();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give this host's send budgets back on stop; they run out on their own")]
    private partial void LogGiveBackFailed(Exception exception);
}
