using Bot.Core.Hosts;
using Dapper;

namespace Bot.Storage.Hosts;

/// <summary>
/// <see cref="ISingletonStore"/> on the <c>singleton_leases</c> table of PostgreSQL (migration 0014), every instant on
/// the database's clock. A lease is taken when it is free or has run out (<c>expires_at &lt; now()</c>), and its term
/// then grows by one; its holder renews it while it has not run out. A fenced write locks the lease row (FOR SHARE)
/// for its transaction, so a takeover waits for it and the new holder reads what it wrote.
/// </summary>
public sealed class PostgresSingletonStore(IDbConnectionFactory factory) : ISingletonStore
{
    public async Task<IReadOnlyList<SingletonTerm>> TakeAsync(string owner, IReadOnlyCollection<string> names, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return [];
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, long Term, double? SinceLastRun)>(new CommandDefinition(
            """
            INSERT INTO singleton_leases AS l (name, holder, term, expires_at, acquired_at)
            SELECT n, @Owner, 1, now() + @Micros * interval '1 microsecond', now() FROM unnest(@Names) AS n
            ON CONFLICT (name) DO UPDATE SET
                holder = excluded.holder,
                term = CASE WHEN l.holder = excluded.holder AND l.expires_at >= now() THEN l.term ELSE l.term + 1 END,
                acquired_at = CASE WHEN l.holder = excluded.holder AND l.expires_at >= now() THEN l.acquired_at ELSE now() END,
                expires_at = excluded.expires_at
            WHERE l.expires_at < now() OR (l.holder = excluded.holder)
            RETURNING name, term, EXTRACT(EPOCH FROM now() - last_run_at)::float8
            """,
            new { Owner = owner, Names = names.ToArray(), Micros = lease.Ticks / TimeSpan.TicksPerMicrosecond },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SingletonTerm(r.Name, r.Term, r.SinceLastRun is { } s ? TimeSpan.FromSeconds(Math.Max(0, s)) : null))];
    }

    public async Task ReleaseAsync(string owner, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE singleton_leases SET expires_at = now() - interval '1 microsecond' WHERE holder = @Owner AND name = ANY(@Names)",
            new { Owner = owner, Names = names.ToArray() }, cancellationToken: cancellationToken));
    }

    public async Task<bool> MarkRunAsync(string name, string owner, long term, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE singleton_leases SET last_run_at = now() WHERE name = @Name AND holder = @Owner AND term = @Term",
            new { Name = name, Owner = owner, Term = term }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SetStateAsync(string name, string owner, long term, string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { Name = name, Owner = owner, Term = term, Key = key, Value = value };
        var holds = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT term FROM singleton_leases WHERE name = @Name AND holder = @Owner AND term = @Term FOR SHARE",
            parameters, transaction, cancellationToken: cancellationToken));
        if (holds is null) return false;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bot_state (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<SingletonHolder>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Holder, long Term, double Remaining)>(new CommandDefinition(
            "SELECT name, holder, term, EXTRACT(EPOCH FROM expires_at - now())::float8 FROM singleton_leases ORDER BY name",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SingletonHolder(r.Name, r.Holder, r.Term, TimeSpan.FromSeconds(r.Remaining)))];
    }
}
