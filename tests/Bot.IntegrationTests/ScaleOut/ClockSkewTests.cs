using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Storage;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.ScaleOut;

/// <summary>
/// Two hosts whose clocks are 30 seconds apart claim deliveries on one PostgreSQL database: leases and due times are
/// on the database's clock, so neither takes the other's live lease nor waits on a dead one.
/// </summary>
public sealed class ClockSkewTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
    }

    [SkippableFact]
    public async Task Claim_HostThirtySecondsAhead_LeavesTheOthersLiveLease()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var connectionString = await ArrangeAsync();
        var onTime = await HostAsync(connectionString, TimeSpan.Zero);
        var ahead = await HostAsync(connectionString, Skew);

        var held = await onTime.ClaimAsync("on-time", Lease);
        var stolen = await ahead.ClaimAsync("ahead", Lease);
        var released = await ahead.Store.Claims.ReleaseExpiredAsync(ahead.Clock.GetUtcNow(), None);

        Assert.Single(held);
        Assert.Empty(stolen);
        Assert.Equal(0, released);
    }

    [SkippableFact]
    public async Task Claim_HostThirtySecondsBehindAfterTheAheadHostDied_TakesTheLeaseOnceItRanOut()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var connectionString = await ArrangeAsync();
        var behind = await HostAsync(connectionString, -Skew);
        var ahead = await HostAsync(connectionString, Skew);
        var dead = Assert.Single(await ahead.ClaimAsync("ahead", Lease));

        // The ahead host dies holding its lease; the database's clock runs past the lease.
        await Task.Delay(Lease + TimeSpan.FromSeconds(1));
        var takenOver = await behind.ClaimAsync("behind", Lease);

        Assert.Equal(dead.Id, Assert.Single(takenOver).Id);
    }

    private async Task<string> ArrangeAsync()
    {
        var connectionString = await database.CreateSchemaAsync();
        var host = await HostAsync(connectionString, TimeSpan.Zero);
        var articles = host.Provider.GetRequiredService<IArticleStore>();
        await host.Store.Destinations.SyncAsync([new Destination("tg", ChannelNames.Telegram, "-100", null, DestinationFilter.Everything)], None);
        await articles.ImportAsync(new Article { Key = "a", Title = "عنوان", Paragraphs = ["نص"], Language = "ar", Received = host.Clock.GetUtcNow() }, None);
        await host.Store.Planning.AddAsync([new PlannedDelivery("a", 1, "tg", "", DeliveryKind.Announce)], None);
        return connectionString;
    }

    private async Task<SkewedHost> HostAsync(string connectionString, TimeSpan skew)
    {
        var clock = new SkewedClock(skew);
        var provider = TestStorage.Open("postgres", connectionString, clock);
        _providers.Add(provider);
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(None);
        return new SkewedHost(new SqlOutbox(provider.GetRequiredService<IDbConnectionFactory>(), clock), clock, provider);
    }

    private sealed record SkewedHost(SqlOutbox Store, TimeProvider Clock, ServiceProvider Provider)
    {
        public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, TimeSpan lease) =>
            Store.ClaimAsync(owner, 10, Clock.GetUtcNow(), Clock.GetUtcNow() + lease, None);
    }

    /// <summary>The system's clock, shifted: its timers and timestamps run as the system's do.</summary>
    private sealed class SkewedClock(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
    }
}
