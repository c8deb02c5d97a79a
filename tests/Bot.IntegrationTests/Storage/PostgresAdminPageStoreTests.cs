using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>The admin pages' store on a real PostgreSQL server (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresAdminPageStoreTests(PostgresDatabase database) : AdminPageStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Provider => "postgres";

    protected override void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    protected override Task<string> CreateEmptyDatabaseAsync() => database.CreateSchemaAsync();
}
