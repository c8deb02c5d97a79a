using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>
/// Outcomes on SQLite or PostgreSQL: a group of outcomes is one transaction, one statement per kind of outcome, each
/// guarded by the lease so that a host whose lease ran out and was taken over records nothing. Due times are written on
/// the store's clock (<see cref="StoreClock"/>).
/// </summary>
public sealed class SqlOutcomeStore(IDbConnectionFactory factory) : IOutcomeStore
{
    public async Task<IReadOnlyCollection<long>> RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0) return [];
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var written = new HashSet<long>();
        foreach (var group in outcomes.GroupBy(o => o.Status))
        {
            foreach (var chunk in group.Chunk(ValuesRows.MaxRows))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var rows = new ValuesRows(command);
                command.CommandText = Statement(group.Key, chunk, rows, owner, new StoreClock(factory.Dialect, now));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) written.Add(reader.GetInt64(0));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. outcomes.Select(o => o.Id).Where(id => !written.Contains(id))];
    }

    private static string Statement(DeliveryStatus status, DeliveryOutcome[] chunk, ValuesRows rows, string owner, StoreClock clock)
    {
        var now = clock.CallerNow;
        string assignments;
        switch (status)
        {
            case DeliveryStatus.Sent:
                foreach (var o in chunk) rows.Add(o.Id, RemoteIdsJson.Write(o.RemoteIds), (long)(o.SentVersion ?? 0));
                assignments = $"status = 'sent', remote_ids = v.column2, sent_version = NULLIF(v.column3, 0), shown_parts = NULL, sent_at = {rows.Parameter(now)}";
                break;
            case DeliveryStatus.Queued or DeliveryStatus.Failed:
                foreach (var o in chunk)
                {
                    rows.Add(o.Id, RemoteIdsJson.Write(o.RemoteIds), o.Error ?? "", clock.Value(o.NextAttemptAt ?? now), o.GiveBackAttempt ? 1L : 0L, (long)(o.SentVersion ?? 0), (long)(o.ShownParts ?? -1));
                }
                assignments =
                    $"status = {rows.Parameter(DeliveryNames.Of(status))}, remote_ids = v.column2, last_error = COALESCE(NULLIF(v.column3, ''), deliveries.last_error), " +
                    $"next_attempt_at = {clock.Sql("v.column4")}, attempts = deliveries.attempts - v.column5, " +
                    $"sent_version = NULLIF(v.column6, 0), shown_parts = NULLIF(v.column7, -1)";
                break;
            case DeliveryStatus.Dead:
                foreach (var o in chunk) rows.Add(o.Id, RemoteIdsJson.Write(o.RemoteIds), o.Error ?? "", (long)(o.SentVersion ?? 0), (long)(o.ShownParts ?? -1));
                assignments = $"status = {rows.Parameter(DeliveryNames.Of(status))}, remote_ids = v.column2, last_error = v.column3, " +
                    "sent_version = NULLIF(v.column4, 0), shown_parts = NULLIF(v.column5, -1)";
                break;
            case DeliveryStatus.Cancelled:
                foreach (var o in chunk) rows.Add(o.Id, RemoteIdsJson.Write(o.RemoteIds), o.Error ?? "");
                assignments = $"status = {rows.Parameter(DeliveryNames.Of(status))}, remote_ids = v.column2, last_error = v.column3";
                break;
            default:
                throw new ArgumentException($"a delivery's outcome cannot be '{DeliveryNames.Of(status)}'", nameof(status));
        }

        var at = rows.Parameter(now);
        return
            $"""
            UPDATE deliveries SET {assignments}, lease_owner = NULL, lease_until = NULL, updated_at = {at}
            FROM ({rows.Text}) AS v
            WHERE deliveries.id = v.column1 AND deliveries.status = 'sending' AND deliveries.lease_owner = {rows.Parameter(owner)}
            RETURNING deliveries.id
            """;
    }

    public async Task<int> RequeueDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { Id = id ?? 0, Now = now });
        var due = new StoreClock(factory.Dialect, now).Now(parameters);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE deliveries SET status = 'queued', attempts = 0, next_attempt_at = {due}, updated_at = @Now
            WHERE status = 'dead'{(id is null ? "" : " AND id = @Id")}
            """,
            parameters, cancellationToken: cancellationToken));
    }

}
