using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.Delivery;

/// <summary>The delivery store contract on a real SQLite file.</summary>
public sealed class SqliteDeliveryStoreTests : DeliveryStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bot-deliveries-{Guid.NewGuid():N}");

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
