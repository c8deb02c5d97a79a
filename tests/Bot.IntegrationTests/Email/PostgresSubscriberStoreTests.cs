using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class PostgresSubscriberStoreTests(PostgresDatabase database) : SubscriberStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Provider => "postgres";

    protected override void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    protected override Task<string> CreateEmptyDatabaseAsync() => database.CreateSchemaAsync();
}
