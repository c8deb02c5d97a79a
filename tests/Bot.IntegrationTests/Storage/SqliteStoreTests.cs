using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>The store contract on a real SQLite file in a temporary folder, plus what only SQLite has.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"bot-store-{Guid.NewGuid():N}");

    protected override string Provider => "sqlite";

    // A folder where the database file should be: SQLite cannot open it.
    protected override string UnreachableConnectionString => $"Data Source={Path.GetTempPath()}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [SkippableFact]
    public async Task Migrate_FirstRun_CreatesFolderAndFile()
    {
        var path = Path.Combine(folder, "nested", "data", "bot.db");
        var services = OpenStore(connectionString: $"Data Source={path}");
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        await services.GetRequiredService<Bot.Core.Storage.IStoreHealth>().MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(1L, await SingleAsync<long>(services, "SELECT COUNT(*) FROM schema_migrations WHERE version = 1"));
    }

    [SkippableFact]
    public async Task Open_MigratedFile_WalBusyTimeoutForeignKeysAndSmallInMemoryCaches()
    {
        var services = await OpenMigratedStoreAsync();

        await using var fresh = new SqliteConnection($"Data Source={Path.Combine(folder, "bot.db")}");
        await fresh.OpenAsync();
        var journalMode = await fresh.ExecuteScalarAsync<string>("PRAGMA journal_mode");
        var busyTimeout = await SingleAsync<long>(services, "PRAGMA busy_timeout");
        var foreignKeys = await SingleAsync<long>(services, "PRAGMA foreign_keys");
        var tempStore = await SingleAsync<long>(services, "PRAGMA temp_store");
        var cacheSize = await SingleAsync<long>(services, "PRAGMA cache_size");

        Assert.Equal("wal", journalMode);
        Assert.Equal((long)Bot.Storage.Sqlite.SqliteConnectionFactory.BusyTimeout.TotalMilliseconds, busyTimeout);
        Assert.Equal(1L, foreignKeys);
        Assert.Equal(2L, tempStore); // MEMORY
        Assert.Equal(-256L, cacheSize); // KiB, against SQLite's default of -2000
    }

    [SkippableFact]
    public async Task Timestamps_Stored_AsFixedWidthUtcText()
    {
        var services = await OpenMigratedStoreAsync();
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(3));

        await ExecuteAsync(services, "INSERT INTO audit_log (at, actor, action) VALUES (@At, 'test', 'probe')", new { At = at });

        Assert.Equal("2026-11-30T06:00:00.000000Z", await SingleAsync<string>(services, "SELECT CAST(at AS TEXT) FROM audit_log"));
        Assert.Equal("text", await SingleAsync<string>(services, "SELECT typeof(at) FROM audit_log"));
    }

    protected override Task<string> CreateEmptyDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(folder, "bot.db")}");
}
