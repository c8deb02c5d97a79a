using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>The admin store queries on a real PostgreSQL server (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresAdminStoreTests(PostgresDatabase database) : AdminStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Provider => "postgres";

    protected override void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    protected override Task<string> CreateEmptyDatabaseAsync() => database.CreateSchemaAsync();
}
