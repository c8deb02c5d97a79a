using System.Globalization;
using Bot.Core.Dashboard;
using Bot.Core.Delivery;
using Dapper;

namespace Bot.Storage.Dashboard;

/// <summary>
/// <see cref="IArticleDeliveryCounts"/>: one grouped query over the outbox, led by its per-article index. The keys go
/// in as a list of parameters of our own: Dapper expands <c>IN @Keys</c> on SQLite but hands Npgsql an array.
/// </summary>
public sealed class SqlArticleDeliveryCounts(IDbConnectionFactory factory) : IArticleDeliveryCounts
{
    public async Task<IReadOnlyList<ArticleDeliveryCount>> CountAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleKeys);
        if (articleKeys.Count == 0) return [];

        var parameters = new DynamicParameters();
        var names = new List<string>();
        foreach (var key in articleKeys.Distinct(StringComparer.Ordinal))
        {
            var name = "k" + names.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, key);
            names.Add("@" + name);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ArticleKey, string Destination, string Status, long Count)>(new CommandDefinition(
            $"""
            SELECT article_key, destination, status, COUNT(*) FROM deliveries
            WHERE article_key IN ({string.Join(", ", names)})
            GROUP BY article_key, destination, status
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows
            .Select(r => DeliveryNames.TryParseStatus(r.Status, out var status) ? new ArticleDeliveryCount(r.ArticleKey, r.Destination, status, r.Count) : null)
            .OfType<ArticleDeliveryCount>()];
    }
}
