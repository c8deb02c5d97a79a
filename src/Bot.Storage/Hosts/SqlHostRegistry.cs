using Bot.Core.Hosts;
using Dapper;

namespace Bot.Storage.Hosts;

/// <summary><see cref="IHostRegistry"/> on the <c>hosts</c> table (migration 0014); heartbeats on the store's clock.</summary>
public sealed class SqlHostRegistry(IDbConnectionFactory factory, TimeProvider time) : IHostRegistry
{
    public async Task BeatAsync(HostBeat beat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(beat);
        var clock = new StoreClock(factory.Dialect, time.GetUtcNow());
        var parameters = new DynamicParameters(new { beat.Id, beat.Name, beat.StartedAt, Singletons = string.Join(' ', beat.Singletons) });
        var now = clock.Now(parameters);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO hosts (id, name, started_at, seen_at, singletons) VALUES (@Id, @Name, @StartedAt, {now}, @Singletons)
            ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at, singletons = excluded.singletons
            """,
            parameters, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<HostRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var clock = new StoreClock(factory.Dialect, time.GetUtcNow());
        var parameters = new DynamicParameters();
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, name AS Name, started_at AS StartedAt, seen_at AS SeenAt, {clock.Read(parameters, "seen_at")} AS SeenOnCallerClock, singletons AS Singletons
            FROM hosts ORDER BY started_at, id
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new HostRecord(
            r.Id, r.Name, r.StartedAt, r.SeenAt, clock.CallerNow - r.SeenOnCallerClock, r.Singletons.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM hosts WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<int> RemoveSilentAsync(TimeSpan silentFor, CancellationToken cancellationToken)
    {
        var clock = new StoreClock(factory.Dialect, time.GetUtcNow());
        var parameters = new DynamicParameters();
        var before = clock.At(parameters, "Before", clock.CallerNow - silentFor);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM hosts WHERE seen_at < {before}", parameters, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset SeenAt { get; init; }
        public DateTimeOffset SeenOnCallerClock { get; init; }
        public string Singletons { get; init; } = "";
    }
}
