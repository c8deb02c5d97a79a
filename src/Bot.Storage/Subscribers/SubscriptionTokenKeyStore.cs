using Dapper;

namespace Bot.Storage.Subscribers;

/// <summary>
/// The generated subscription token key, kept in <c>bot_state</c> so links survive restarts and every host
/// sharing the database signs and verifies with the same key. The first host to start writes it; the others
/// read the winner's.
/// </summary>
public sealed class SubscriptionTokenKeyStore(IDbConnectionFactory factory)
{
    private const string StateKey = "email.subscription_token_key";

    /// <summary>The stored key (base64), or null when none was ever generated; stores nothing.</summary>
    public async Task<string?> FindAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM bot_state WHERE key = @Key", new { Key = StateKey }, cancellationToken: cancellationToken));
    }

    /// <summary>The stored key (base64), storing <paramref name="candidate"/> first when there is none.</summary>
    public async Task<string> GetOrAddAsync(string candidate, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bot_state (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO NOTHING",
            new { Key = StateKey, Value = candidate }, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT value FROM bot_state WHERE key = @Key", new { Key = StateKey }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException("bot_state lost the subscription token key.");
    }
}
