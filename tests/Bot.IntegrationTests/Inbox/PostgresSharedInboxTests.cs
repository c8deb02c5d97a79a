using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

public sealed class PostgresSharedInboxTests(PostgresDatabase database) : SharedInboxContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Provider => "postgres";

    protected override Task<string> CreateEmptyDatabaseAsync() => database.CreateSchemaAsync();

    protected override void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);
}
