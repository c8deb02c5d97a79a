using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Storage;

/// <summary>
/// Instants are stored in UTC on both databases: SQLite as fixed-width ISO-8601 text (so text order is
/// time order), PostgreSQL as <c>timestamptz</c>. Microseconds are the precision both can keep.
/// </summary>
internal sealed class UtcDateTimeOffsetHandler : SqlMapper.ITypeHandler
{
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>
    /// Dapper caches a reader per SQL text, so this must run before the first query; it is idempotent.
    /// Dapper consults its built-in type map before handlers when writing parameters, so the
    /// <see cref="DateTimeOffset"/> entries are removed for <see cref="SetValue"/> to be called at all.
    /// Not the generic TypeHandler: Dapper hands a scalar's DBNull to the handler, which must answer null
    /// for <c>DateTimeOffset?</c>.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new UtcDateTimeOffsetHandler());
            registered = true;
        }
    }

    public static string ToSqliteText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public void SetValue(IDbDataParameter parameter, object value)
    {
        if (value is not DateTimeOffset instant)
        {
            parameter.Value = DBNull.Value;
        }
        else if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToSqliteText(instant);
        }
        else
        {
            // Npgsql refuses a DateTimeOffset with a non-zero offset for timestamptz.
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = instant.ToUniversalTime();
        }
    }

    public object? Parse(Type destinationType, object value) => value switch
    {
        null or DBNull => null,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new DataException($"Cannot read a {value.GetType().Name} as a UTC instant."),
    };
}
