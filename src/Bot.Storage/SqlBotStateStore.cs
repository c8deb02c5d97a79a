using Bot.Core.Storage;
using Dapper;

namespace Bot.Storage;

/// <summary><see cref="IBotStateStore"/> on the <c>bot_state</c> table; one statement each, the same on SQLite and PostgreSQL.</summary>
public sealed class SqlBotStateStore(IDbConnectionFactory factory) : IBotStateStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM bot_state WHERE key = @Key", new { Key = key }, cancellationToken: cancellationToken));
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bot_state (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { Key = key, Value = value }, cancellationToken: cancellationToken));
    }
}
