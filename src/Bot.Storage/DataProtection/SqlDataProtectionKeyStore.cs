using Dapper;

namespace Bot.Storage.DataProtection;

/// <summary>
/// The <c>data_protection_keys</c> table: each data-protection key as the text the host hands over (already
/// encrypted), by name. One statement each, the same on SQLite and PostgreSQL.
/// </summary>
public sealed class SqlDataProtectionKeyStore(IDbConnectionFactory factory, TimeProvider time)
{
    /// <summary>Every stored key, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT xml FROM data_protection_keys ORDER BY created_at, name", cancellationToken: cancellationToken))];
    }

    /// <summary>Stores <paramref name="xml"/> under <paramref name="name"/>, replacing what was there.</summary>
    public async Task SaveAsync(string name, string xml, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@Name, @Xml, @CreatedAt)
            ON CONFLICT (name) DO UPDATE SET xml = excluded.xml
            """,
            new { Name = name, Xml = xml, CreatedAt = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }
}
