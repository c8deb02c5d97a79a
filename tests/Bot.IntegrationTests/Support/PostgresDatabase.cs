using Npgsql;
using Xunit;

namespace Bot.IntegrationTests.Support;

/// <summary>
/// A fresh PostgreSQL database per test class, on the server named by <c>BOT_TEST_POSTGRES</c>
/// (start one with <c>scripts/start-postgres.sh</c>); each test then takes its own schema in it.
/// Without the variable the tests are skipped on a developer machine and fail in CI (<c>CI=true</c>),
/// so a CI run can never pass by silently not testing PostgreSQL.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "BOT_TEST_POSTGRES";

    private string? adminConnectionString;

    /// <summary>Why PostgreSQL tests are skipped, or null when a server is available.</summary>
    public string? SkipReason { get; private set; }

    public string ConnectionString { get; private set; } = "";

    private string DatabaseName { get; } = $"bot_test_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        adminConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            var message = $"{Variable} is not set: run `export {Variable}=$(bash scripts/start-postgres.sh | tail -1)` first.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"PostgreSQL store tests cannot run in CI: {message}");
            }

            SkipReason = message;
            return;
        }

        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>A connection string whose unqualified tables land in a new, empty schema.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"s_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (SkipReason is not null || adminConnectionString is null) return;
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
