using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>The store contract on a real PostgreSQL server (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresStoreTests(PostgresDatabase database) : StoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Provider => "postgres";

    // Port 1 on loopback: refused at once, so the test does not wait for a connect timeout.
    protected override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=3";

    protected override void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    protected override Task<string> CreateEmptyDatabaseAsync() => database.CreateSchemaAsync();
}
