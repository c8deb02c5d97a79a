using Bot.IntegrationTests.Support;

namespace Bot.IntegrationTests.Inbox;

public sealed class SqliteSharedInboxTests : SharedInboxContractTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override string Provider => "sqlite";

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override void SkipUnlessAvailable()
    {
    }

    public void Dispose() => _database.Dispose();
}
