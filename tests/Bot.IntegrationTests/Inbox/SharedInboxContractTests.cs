using Bot.Core.Storage;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>
/// Two hosts, each with its own store connection and inbox watcher, on one database and one shared inbox folder:
/// every file becomes exactly one article row and one file in <c>processed/</c>. Written once, run on each database.
/// </summary>
public abstract class SharedInboxContractTests : IAsyncLifetime
{
    private readonly InboxTestBed _bed = new();
    private readonly List<ServiceProvider> _providers = [];

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    protected abstract void SkipUnlessAvailable();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task TwoHostsOnOneFolderAndOneStore_EachFileIsOneArticleAndOneProcessedFile()
    {
        SkipUnlessAvailable();
        var connectionString = await CreateEmptyDatabaseAsync();
        var hostA = await OpenStoreAsync(connectionString);
        var hostB = await OpenStoreAsync(connectionString);
        var countedA = new CountingArticleStore(hostA.GetRequiredService<IArticleStore>());
        var countedB = new CountingArticleStore(hostB.GetRequiredService<IArticleStore>());
        await _bed.StartAsync(countedA, host: "host-a");
        await _bed.StartAsync(countedB, host: "host-b");
        const int count = 30;

        for (var i = 0; i < count; i++)
        {
            File.Move(_bed.Dir.Write($"staging/shared-{i}.md", InboxWatcherTests.Story($"shared-{i}", $"Shared {i}")), Path.Combine(_bed.Inbox, $"shared-{i}.md"));
        }

        var processed = _bed.Processed;
        await Eventually.HoldsAsync(() => Directory.GetFiles(processed).Length >= count, $"{count} files processed");
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"shared-{i}.md").Order(StringComparer.Ordinal),
            Directory.GetFiles(processed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await using var connection = await hostA.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal((long)count, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM articles"));
        Assert.Equal((long)count, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM article_versions"));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(1, countedA.Imports.GetValueOrDefault($"shared-{i}") + countedB.Imports.GetValueOrDefault($"shared-{i}"));
        }
    }

    private async Task<ServiceProvider> OpenStoreAsync(string connectionString)
    {
        var provider = TestStorage.Open(Provider, connectionString);
        _providers.Add(provider);
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        return provider;
    }
}
