using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.ChatSubscriptions;

public sealed class PostgresTelegramSubscriberStoreTests(PostgresDatabase database) : TelegramSubscriberStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Provider => "postgres";

    protected override void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    protected override Task<string> CreateEmptyDatabaseAsync() => database.CreateSchemaAsync();
}
