using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Prometheus;

namespace Bot.Host.Metrics;

/// <summary>
/// The hosts sharing the store on <c>GET /metrics</c>, read at each scrape: <c>bot_host_heartbeat_age_seconds{host,name}</c>
/// for each live host, and <c>bot_singleton_held{singleton,host}</c> (1) for each singleton a live host runs. Hosts that
/// stopped or died drop out of both.
/// </summary>
public sealed class HostMetrics
{
    private readonly LiveHosts _hosts;
    private readonly StoreReadiness _readiness;
    private readonly Gauge _heartbeat;
    private readonly Gauge _singletons;

    public HostMetrics(BotMetrics metrics, LiveHosts hosts, StoreReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _hosts = hosts;
        _readiness = readiness;
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _heartbeat = factory.CreateGauge("bot_host_heartbeat_age_seconds", "Seconds since each live host sharing the store wrote its heartbeat.", "host", "name");
        _singletons = factory.CreateGauge("bot_singleton_held", "1 for each elected singleton and the live host that runs it.", "singleton", "host");
        metrics.Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_readiness.IsReady) return;
        IReadOnlyList<HostRecord> hosts;
        try
        {
            hosts = await _hosts.ListAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // bot_store_up already says the store did not answer.
            return;
        }

        foreach (var labels in _heartbeat.GetAllLabelValues().ToList()) _heartbeat.RemoveLabelled(labels);
        foreach (var labels in _singletons.GetAllLabelValues().ToList()) _singletons.RemoveLabelled(labels);
        foreach (var host in hosts)
        {
            _heartbeat.WithLabels(host.Id, host.Name).Set(host.SinceSeen.TotalSeconds);
            foreach (var singleton in host.Singletons) _singletons.WithLabels(singleton, host.Id).Set(1);
        }
    }
}
