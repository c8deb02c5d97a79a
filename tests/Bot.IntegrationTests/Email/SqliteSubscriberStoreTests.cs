using Bot.IntegrationTests.Support;

namespace Bot.IntegrationTests.Email;

public sealed class SqliteSubscriberStoreTests : SubscriberStoreContractTests
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
