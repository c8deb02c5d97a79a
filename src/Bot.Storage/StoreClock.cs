using Dapper;

namespace Bot.Storage;

/// <summary>
/// Leases and due times on the store's clock. Callers give instants on their own clock (a <see cref="TimeProvider"/>).
/// On a database with a clock (<see cref="SqlDialect.HasClock"/>: PostgreSQL) an instant is written as the database's
/// <c>now()</c> plus how far it lies from the caller's now, compared against <c>now()</c>, and read back the same way
/// round; so two hosts whose clocks are 30 seconds apart neither take each other's live leases nor wait on dead ones.
/// Elsewhere (SQLite, one host) the caller's instants are used as they are.
/// </summary>
internal sealed class StoreClock(SqlDialect dialect, DateTimeOffset callerNow)
{
    private const string Micros = " * interval '1 microsecond')";

    public DateTimeOffset CallerNow => callerNow;

    /// <summary>SQL for "now" on the store's clock.</summary>
    public string Now(DynamicParameters parameters)
    {
        if (dialect.HasClock) return "now()";
        parameters.Add("ClockNow", callerNow);
        return "@ClockNow";
    }

    /// <summary>SQL for "now" on the store's clock in a raw command, binding through <paramref name="bind"/> where needed.</summary>
    public string Now(Func<object, string> bind) => dialect.HasClock ? "now()" : bind(callerNow);

    /// <summary>SQL for <paramref name="instant"/> (on the caller's clock) on the store's clock, bound as <paramref name="name"/>.</summary>
    public string At(DynamicParameters parameters, string name, DateTimeOffset instant)
    {
        parameters.Add(name, Value(instant));
        return Sql("@" + name);
    }

    /// <summary>The value to bind for <paramref name="instant"/> in a raw command or a <c>VALUES</c> row; its SQL is <see cref="Sql"/>.</summary>
    public object Value(DateTimeOffset instant) => dialect.HasClock ? (instant - callerNow).Ticks / TimeSpan.TicksPerMicrosecond : instant;

    /// <summary>SQL for an instant bound with <see cref="Value"/> as <paramref name="boundValue"/> (a parameter or a <c>VALUES</c> column).</summary>
    public string Sql(string boundValue) => dialect.HasClock ? "(now() + " + boundValue + Micros : boundValue;

    /// <summary>SQL reading the instant in <paramref name="column"/> back on the caller's clock.</summary>
    public string Read(DynamicParameters parameters, string column)
    {
        if (!dialect.HasClock) return column;
        parameters.Add("ClockCaller", callerNow);
        return $"(@ClockCaller + ({column} - now()))";
    }
}
