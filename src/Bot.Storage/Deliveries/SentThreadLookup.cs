using System.Data.Common;
using Bot.Core.Delivery;

namespace Bot.Storage.Deliveries;

/// <summary>
/// What each claimed delivery's thread (article × destination × recipient × generation) last sent: one query per
/// article and destination in a claimed batch, so a fan-out page costs one lookup, not one per recipient.
/// </summary>
internal static class SentThreadLookup
{
    public static async Task<IReadOnlyList<ClaimedDelivery>> AttachAsync(DbConnection connection, IReadOnlyList<ClaimedDelivery> claimed, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string Destination, string Recipient, int Generation, string Key), (long Id, SentThread Sent)>();
        foreach (var group in claimed.GroupBy(d => (d.ArticleKey, d.Destination)))
        {
            foreach (var chunk in group.Select(d => d.Recipient).Distinct(StringComparer.Ordinal).Chunk(ValuesRows.MaxRows))
            {
                await using var command = connection.CreateCommand();
                var values = new ValuesRows(command);
                var recipients = string.Join(", ", chunk.Select(values.Parameter));
                command.CommandText =
                    $"""
                    SELECT id, recipient, generation, kind, COALESCE(sent_version, article_version), remote_ids FROM deliveries
                    WHERE article_key = {values.Parameter(group.Key.ArticleKey)} AND destination = {values.Parameter(group.Key.Destination)}
                      AND recipient IN ({recipients}) AND status = 'sent'
                    """;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetInt64(0);
                    var key = (group.Key.Destination, reader.GetString(1), (int)reader.GetInt64(2), group.Key.ArticleKey);
                    if (last.TryGetValue(key, out var known) && known.Id > id) continue;
                    var sent = new SentThread(DeliveryNames.ParseKind(reader.GetString(3)), (int)reader.GetInt64(4),
                        RemoteIdsJson.Read(reader.IsDBNull(5) ? null : reader.GetString(5)));
                    last[key] = (id, sent);
                }
            }
        }

        return [.. claimed.Select(d => last.TryGetValue((d.Destination, d.Recipient, d.Generation, d.ArticleKey), out var found) ? d with { LastSent = found.Sent } : d)];
    }
}
