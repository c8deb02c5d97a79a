using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.Storage;

/// <summary>The admin store queries on a real SQLite file.</summary>
public sealed class SqliteAdminStoreTests : AdminStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bot-admin-store-{Guid.NewGuid():N}");

    protected override string Provider => "sqlite";

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(_folder, "bot.db")}");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
