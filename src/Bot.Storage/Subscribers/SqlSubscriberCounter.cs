using Bot.Core.Subscriptions;
using Dapper;

namespace Bot.Storage.Subscribers;

/// <summary><see cref="ISubscriberCounter"/> as one grouped query over the (list, status) index.</summary>
public sealed class SqlSubscriberCounter(IDbConnectionFactory factory) : ISubscriberCounter
{
    public async Task<IReadOnlyList<SubscriberCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string List, string Status, long Count)>(new CommandDefinition(
            "SELECT list, status, COUNT(*) FROM subscribers GROUP BY list, status ORDER BY list, status",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SubscriberCount(r.List, Enum.Parse<SubscriberStatus>(r.Status, ignoreCase: true), r.Count))];
    }
}
