using System.Data.Common;
using Bot.Core.Delivery.Pacing;
using Dapper;

namespace Bot.Storage.Pacing;

/// <summary>
/// <see cref="IPacingStore"/> on PostgreSQL (migration 0014), every instant on the database's clock, one transaction per
/// exchange. Shares: the budgets' rows in <c>pacing_budgets</c> are locked (in name order) while the budget's share
/// rows are read, decided on by <see cref="BudgetShares"/> and written, so two hosts never split the same free
/// capacity. Targets: taken when free, given back or run out, renewed and given back by their holder only. Holds: the
/// later of two for one target wins.
/// </summary>
public sealed class PostgresPacingStore(IDbConnectionFactory factory) : IPacingStore
{
    public async Task<PacingExchange> ExchangeAsync(PacingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var shares = request.Shares.Count == 0 ? [] : await SharesAsync(connection, transaction, request, cancellationToken);
        var targets = request.Targets.Count == 0 ? [] : await TargetsAsync(connection, transaction, request, cancellationToken);
        var holds = await HoldsAsync(connection, transaction, request.Holds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PacingExchange(shares, targets, holds);
    }

    /// <summary>Deletes what no longer counts: holds that passed, and targets and shares untouched for an hour, longer than any window.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM pacing_holds WHERE hold_until < now();
            DELETE FROM pacing_targets WHERE written_at < now() - interval '1 hour' AND expires_at < now() - interval '1 hour';
            DELETE FROM pacing_shares WHERE expires_at < now() - interval '1 hour';
            """,
            cancellationToken: cancellationToken));
    }

    private static async Task<IReadOnlyList<ShareGrant>> SharesAsync(DbConnection connection, DbTransaction transaction, PacingRequest request, CancellationToken cancellationToken)
    {
        var budgets = request.Shares.Select(s => s.Budget).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pacing_budgets (budget) SELECT b FROM unnest(@Budgets) AS b ORDER BY b ON CONFLICT (budget) DO NOTHING",
            new { Budgets = budgets }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT budget FROM pacing_budgets WHERE budget = ANY(@Budgets) ORDER BY budget FOR UPDATE",
            new { Budgets = budgets }, transaction, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<(string Budget, string Holder, int Share, bool Wanted, double Remaining, int Demand)>(new CommandDefinition(
            "SELECT budget, holder, share, wanted, EXTRACT(EPOCH FROM expires_at - now())::float8, demand FROM pacing_shares WHERE budget = ANY(@Budgets)",
            new { Budgets = budgets }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(r => r.Budget, r => new ShareRow(r.Holder, r.Share, r.Wanted, TimeSpan.FromSeconds(r.Remaining), r.Demand), StringComparer.Ordinal);

        var grants = new List<ShareGrant>();
        var writes = new Writes();
        var givenBack = BudgetShares.GivenBackBy(request.Owner);
        foreach (var ask in request.Shares)
        {
            var budgetRows = rows[ask.Budget].ToList();
            var grant = BudgetShares.Decide(ask, request.Owner, budgetRows, request.Margin);
            grants.Add(grant);
            foreach (var spent in budgetRows.Where(r => BudgetShares.IsSpent(r, ask.Window, request.Margin))) writes.Delete(ask.Budget, spent.Holder);
            if (grant.Share > 0 || ask.Wanted) writes.Upsert(ask.Budget, request.Owner, grant.Share, ask.Wanted, request.ShareLease, ask.Demand);
            else writes.Delete(ask.Budget, request.Owner);
            // Requests still in this host's window beyond its share keep counting for a window from now.
            if (ask.Used > grant.Share) writes.Upsert(ask.Budget, givenBack, ask.Used - grant.Share, wanted: false, TimeSpan.Zero, demand: 0);
            else writes.Delete(ask.Budget, givenBack);
        }

        await writes.RunAsync(connection, transaction, cancellationToken);
        return grants;
    }

    private static async Task<IReadOnlyList<TargetGrant>> TargetsAsync(DbConnection connection, DbTransaction transaction, PacingRequest request, CancellationToken cancellationToken)
    {
        var lease = request.TargetLease.Ticks / TimeSpan.TicksPerMicrosecond;
        var grants = new List<TargetGrant>();
        var acquire = request.Targets.Where(t => t.Action == TargetAction.Acquire).OrderBy(t => t.Channel, StringComparer.Ordinal).ThenBy(t => t.Target, StringComparer.Ordinal).ToList();
        if (acquire.Count > 0)
        {
            var taken = (await connection.QueryAsync<(string Channel, string Target, string History, double Age)>(new CommandDefinition(
                """
                INSERT INTO pacing_targets AS p (channel, target, holder, expires_at, history, written_at)
                SELECT c, t, @Owner, now() + @Lease * interval '1 microsecond', '', now() FROM unnest(@Channels, @Targets) AS v(c, t) ORDER BY c, t
                ON CONFLICT (channel, target) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE p.holder IS NULL OR p.holder = excluded.holder OR p.expires_at < now()
                RETURNING p.channel, p.target, p.history, EXTRACT(EPOCH FROM now() - p.written_at)::float8
                """,
                new { request.Owner, Lease = lease, Channels = acquire.Select(t => t.Channel).ToArray(), Targets = acquire.Select(t => t.Target).ToArray() },
                transaction, cancellationToken: cancellationToken))).ToDictionary(r => (r.Channel, r.Target));
            grants.AddRange(acquire.Select(t => taken.TryGetValue((t.Channel, t.Target), out var r)
                ? new TargetGrant(t.Channel, t.Target, true, r.History, TimeSpan.FromSeconds(Math.Max(0, r.Age)))
                : new TargetGrant(t.Channel, t.Target, false, "", TimeSpan.Zero)));
        }

        foreach (var (action, sql) in new[]
        {
            (TargetAction.Renew, "expires_at = now() + @Lease * interval '1 microsecond'"),
            (TargetAction.Release, "holder = NULL, expires_at = now()"),
        })
        {
            var asks = request.Targets.Where(t => t.Action == action).OrderBy(t => t.Channel, StringComparer.Ordinal).ThenBy(t => t.Target, StringComparer.Ordinal).ToList();
            if (asks.Count == 0) continue;
            var kept = (await connection.QueryAsync<(string Channel, string Target)>(new CommandDefinition(
                $"""
                UPDATE pacing_targets AS p SET {sql}, history = v.h, written_at = now()
                FROM unnest(@Channels, @Targets, @Histories) AS v(c, t, h)
                WHERE p.channel = v.c AND p.target = v.t AND p.holder = @Owner
                RETURNING p.channel, p.target
                """,
                new { request.Owner, Lease = lease, Channels = asks.Select(t => t.Channel).ToArray(), Targets = asks.Select(t => t.Target).ToArray(), Histories = asks.Select(t => t.History).ToArray() },
                transaction, cancellationToken: cancellationToken))).ToHashSet();
            grants.AddRange(asks.Select(t => new TargetGrant(t.Channel, t.Target, action == TargetAction.Renew && kept.Contains((t.Channel, t.Target)), "", TimeSpan.Zero)));
        }

        return grants;
    }

    private static async Task<IReadOnlyList<HoldNotice>> HoldsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HoldNotice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO pacing_holds AS h (channel, target, hold_until)
                SELECT c, t, now() + m * interval '1 microsecond' FROM unnest(@Channels, @Targets, @Micros) AS v(c, t, m) ORDER BY c, t
                ON CONFLICT (channel, target) DO UPDATE SET hold_until = GREATEST(h.hold_until, excluded.hold_until)
                """,
                new
                {
                    Channels = notices.Select(n => n.Channel).ToArray(),
                    Targets = notices.Select(n => n.Target ?? "").ToArray(),
                    Micros = notices.Select(n => n.Remaining.Ticks / TimeSpan.TicksPerMicrosecond).ToArray(),
                },
                transaction, cancellationToken: cancellationToken));
        }

        var active = await connection.QueryAsync<(string Channel, string Target, double Remaining)>(new CommandDefinition(
            "SELECT channel, target, EXTRACT(EPOCH FROM hold_until - now())::float8 FROM pacing_holds WHERE hold_until > now()",
            transaction: transaction, cancellationToken: cancellationToken));
        return [.. active.Select(h => new HoldNotice(h.Channel, h.Target.Length == 0 ? null : h.Target, TimeSpan.FromSeconds(h.Remaining)))];
    }

    /// <summary>The share rows one exchange writes, in two statements.</summary>
    private sealed class Writes
    {
        private readonly List<(string Budget, string Holder, int Share, bool Wanted, long Micros, int Demand)> _upserts = [];
        private readonly List<(string Budget, string Holder)> _deletes = [];

        public void Upsert(string budget, string holder, int share, bool wanted, TimeSpan lease, int demand) =>
            _upserts.Add((budget, holder, share, wanted, lease.Ticks / TimeSpan.TicksPerMicrosecond, demand));

        public void Delete(string budget, string holder) => _deletes.Add((budget, holder));

        public async Task RunAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var deletes = _deletes.Where(d => !_upserts.Any(u => u.Budget == d.Budget && u.Holder == d.Holder)).Distinct().ToList();
            if (deletes.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM pacing_shares s USING unnest(@Budgets, @Holders) AS v(b, h) WHERE s.budget = v.b AND s.holder = v.h",
                    new { Budgets = deletes.Select(d => d.Budget).ToArray(), Holders = deletes.Select(d => d.Holder).ToArray() },
                    transaction, cancellationToken: cancellationToken));
            }

            if (_upserts.Count == 0) return;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO pacing_shares AS s (budget, holder, share, wanted, expires_at, demand)
                SELECT b, h, n, w, now() + m * interval '1 microsecond', d FROM unnest(@Budgets, @Holders, @Shares, @Wanted, @Micros, @Demands) AS v(b, h, n, w, m, d)
                ON CONFLICT (budget, holder) DO UPDATE SET share = excluded.share, wanted = excluded.wanted, expires_at = excluded.expires_at, demand = excluded.demand
                """,
                new
                {
                    Budgets = _upserts.Select(u => u.Budget).ToArray(),
                    Holders = _upserts.Select(u => u.Holder).ToArray(),
                    Shares = _upserts.Select(u => u.Share).ToArray(),
                    Wanted = _upserts.Select(u => u.Wanted).ToArray(),
                    Micros = _upserts.Select(u => u.Micros).ToArray(),
                    Demands = _upserts.Select(u => u.Demand).ToArray(),
                },
                transaction, cancellationToken: cancellationToken));
        }
    }
}
