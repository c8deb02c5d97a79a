using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Bot.Storage.Hosts;

/// <summary>
/// The NOTIFY channel of each topic. Channels are shared by the whole database, so the name carries the schema the
/// store lives in: two bots (or two test runs) in two schemas of one database never wake each other.
/// </summary>
internal sealed class PostgresChannelNames(IDbConnectionFactory factory)
{
    // PostgreSQL cuts identifiers at 63 bytes.
    private const int MaxLength = 63;

    private string? _schema;

    public async Task<string> OfAsync(string topic, CancellationToken cancellationToken)
    {
        if (_schema is null)
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            _schema = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT current_schema()", cancellationToken: cancellationToken)) ?? "public";
        }

        return Of(_schema, topic);
    }

    public static string Of(string schema, string topic)
    {
        var name = $"bot.{schema}.{topic}";
        if (Encoding.UTF8.GetByteCount(name) <= MaxLength) return name;
        return $"bot.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..32]}.{topic}";
    }
}
