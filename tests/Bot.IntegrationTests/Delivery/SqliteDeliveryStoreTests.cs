using Bot.IntegrationTests.Support;

namespace Bot.IntegrationTests.Delivery;

/// <summary>The delivery store contract on a real SQLite file.</summary>
public sealed class SqliteDeliveryStoreTests : DeliveryStoreContractTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override string Provider => "sqlite";

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
