using Bot.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Hosting;

/// <summary>The answer of <c>GET /healthz</c>: started, migrated, and the store answers now.</summary>
public sealed class HealthProbe(IHostApplicationLifetime lifetime, StoreReadiness readiness, IStoreHealth storeHealth)
{
    /// <summary>How long a ping may take before the store counts as down.</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested
            || lifetime.ApplicationStopping.IsCancellationRequested
            || !readiness.IsReady)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            return await storeHealth.PingAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
