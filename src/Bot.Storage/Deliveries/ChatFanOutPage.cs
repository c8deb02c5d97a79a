using System.Data.Common;
using System.Globalization;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery.Planning;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>
/// One page of recipients for a fan-out to the Telegram private-chat subscribers, read inside the transaction that
/// creates their deliveries. The topic test is plain equality because topics are stored in normalised form.
/// </summary>
internal static class ChatFanOutPage
{
    // The chat ids are numbers in telegram_subscribers and text in deliveries.recipient; casting the recipient
    // keeps the lookup on the chat_id index.
    private const string AnnouncedChats =
        """
        SELECT d.id AS Id, d.recipient AS Recipient FROM deliveries d
        WHERE d.article_key = @Key AND d.destination = @Destination AND d.kind = 'announce' AND d.generation = @Generation
          AND d.status IN ('sent', 'sending', 'queued', 'failed', 'held') AND d.recipient <> '' AND d.id > @After
          AND EXISTS (SELECT 1 FROM telegram_subscribers s WHERE s.chat_id = CAST(d.recipient AS BIGINT) AND s.status IN ('active', @AlsoStatus))
        ORDER BY d.id LIMIT @Limit
        """;

    public static async Task<List<FanOutRecipient>> ReadAsync(
        DbConnection connection, DbTransaction transaction, PlannedFanOut fanOut, long afterId, int pageSize, CancellationToken cancellationToken)
    {
        if (fanOut.Source == FanOutSource.AnnouncedChats)
        {
            // A retraction still removes what a reader who has since said /stop was sent; only a blocked chat is left alone.
            var alsoStatus = fanOut.Kind == Core.Delivery.DeliveryKind.Delete ? "unsubscribed" : "active";
            var rows = await connection.QueryAsync<(long Id, string Recipient)>(new CommandDefinition(
                AnnouncedChats,
                new { Key = fanOut.ArticleKey, Destination = fanOut.Destination, Generation = (long)fanOut.Generation, After = afterId, Limit = (long)pageSize, AlsoStatus = alsoStatus },
                transaction, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new FanOutRecipient(r.Id, r.Recipient))];
        }

        // One named parameter per topic: Dapper hands a list to Npgsql as one array, which "IN" cannot take.
        var topics = fanOut.Topics.Select(SubscriptionTopic.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var parameters = new DynamicParameters(new { After = afterId, Limit = (long)pageSize });
        for (var i = 0; i < topics.Length; i++) parameters.Add("Topic" + i.ToString(CultureInfo.InvariantCulture), topics[i]);
        var anyTopic = topics.Length == 0 ? "" : " OR topic IN (" + string.Join(", ", topics.Select((_, i) => "@Topic" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        var subscribers = await connection.QueryAsync<(long Id, long ChatId)>(new CommandDefinition(
            $"""
            SELECT id AS Id, chat_id AS ChatId FROM telegram_subscribers
            WHERE status = 'active' AND id > @After AND (topic IS NULL{anyTopic})
            ORDER BY id LIMIT @Limit
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        return [.. subscribers.Select(r => new FanOutRecipient(r.Id, r.ChatId.ToString(CultureInfo.InvariantCulture)))];
    }
}
