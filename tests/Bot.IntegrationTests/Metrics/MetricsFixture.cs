using System.Diagnostics.Metrics;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Bot.Host.Hosting;
using Bot.Host.Metrics;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Bot.IntegrationTests.Metrics;

/// <summary>
/// <see cref="BotMetrics"/> with its real parts (instruments, bridge, observer, cache) over an in-memory store that
/// counts its queries, on a fake clock; <see cref="ScrapeAsync"/> reads the registry as <c>GET /metrics</c> does.
/// </summary>
internal sealed class MetricsFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public MetricsFixture()
    {
        Instruments = new DeliveryInstruments(_services.GetRequiredService<IMeterFactory>());
        Readiness.MarkReady();
        Metrics = new BotMetrics(new StoreFiguresCache(Statistics, Destinations, Clock), Readiness, Instruments);
        Observer = new DeliveryMetricsObserver(Instruments, new FirstSendLedger(), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public StoreReadiness Readiness { get; } = new();

    public CountingStatistics Statistics { get; } = new();

    public MemoryDestinations Destinations { get; } = new();

    public DeliveryInstruments Instruments { get; }

    public BotMetrics Metrics { get; }

    public DeliveryMetricsObserver Observer { get; }

    public async Task<string> ScrapeTextAsync()
    {
        using var body = new MemoryStream();
        await Metrics.Registry.CollectAndExportAsTextAsync(body);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    public async Task<PrometheusText> ScrapeAsync() => PrometheusText.Parse(await ScrapeTextAsync());

    public void Dispose()
    {
        Metrics.Dispose();
        _services.Dispose();
    }

    /// <summary>Counts each query; <see cref="Gate"/>, when set, holds every query until it completes.</summary>
    public sealed class CountingStatistics : IDeliveryStatistics
    {
        private int _counts;
        private int _oldest;

        public int CountQueries => Volatile.Read(ref _counts);

        public int OldestDueQueries => Volatile.Read(ref _oldest);

        public IReadOnlyList<DeliveryCount> Counts { get; set; } = [];

        public IReadOnlyList<OldestDue> Oldest { get; set; } = [];

        public bool Fails { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public async Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _counts);
            if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
            return Fails ? throw new InvalidOperationException("the store is down") : Counts;
        }

        public Task<IReadOnlyList<OldestDue>> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _oldest);
            return Task.FromResult(Oldest);
        }
    }

    public sealed class MemoryDestinations : IDestinationStore
    {
        public List<DestinationState> States { get; } = [];

        public Task SyncAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DestinationState>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DestinationState>>([.. States]);

        public Task<bool> SetPausedAsync(string destination, bool paused, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> SetDisabledAsync(string destination, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetAddressAsync(string destination, string address, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
