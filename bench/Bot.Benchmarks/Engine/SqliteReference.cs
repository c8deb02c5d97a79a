using System.Diagnostics;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Engine;

/// <summary>
/// What SQLite itself manages on this machine right now for the same rows: a fresh store file opened exactly as
/// the engine opens it (WAL, synchronous NORMAL, busy timeout, foreign keys), into which <c>rows</c> delivery rows
/// are inserted with one prepared statement, a transaction per fan-out page, and then each updated to sent, a
/// transaction per claim batch. No engine, no ordering checks, no leases: the floor of the writes every delivery
/// needs, so the engine's rate divided by this one compares across machines and loads.
/// </summary>
public static class SqliteReference
{
    public static async Task<double> RowsPerSecondAsync(int rows, int pageSize, int batchSize)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bot-reference-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "bot.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = "sqlite", ["Store:ConnectionString"] = $"Data Source={file}" })
            .Build();
        await using (var services = new ServiceCollection().AddBotStorage(configuration).BuildServiceProvider())
        {
            await services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
            var factory = services.GetRequiredService<IDbConnectionFactory>();
            await new SqlDestinationStore(factory, TimeProvider.System).SyncAsync(
                [new Destination("readers", ChannelNames.Email, "", null, DestinationFilter.Everything)], CancellationToken.None);
            await services.GetRequiredService<IArticleStore>().ImportAsync(
                new Article { Key = "reference", Title = "عنوان", Paragraphs = ["نص"], Language = "ar", Received = DateTimeOffset.UtcNow }, CancellationToken.None);

            await using var connection = (SqliteConnection)await factory.OpenAsync(CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            Insert(connection, rows, pageSize);
            Update(connection, rows, batchSize);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine($"reference: SQLite insert + update of {rows:N0} rows in {seconds:N2} s");
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return rows / seconds;
        }
    }

    private static void Insert(SqliteConnection connection, int rows, int pageSize)
    {
        const string now = "2026-01-01T00:00:00.000000Z";
        using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            INSERT INTO deliveries (article_key, article_version, destination, recipient, kind, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES ('reference', 1, 'readers', $recipient, 'announce', 'queued', 0, '{now}', '{now}', '{now}')
            """;
        var recipient = command.Parameters.Add("$recipient", SqliteType.Text);
        for (var first = 1; first <= rows; first += pageSize)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            for (var i = first; i < first + pageSize && i <= rows; i++)
            {
                recipient.Value = $"r{i:D7}@example.org";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static void Update(SqliteConnection connection, int rows, int batchSize)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deliveries SET status = 'sent', remote_ids = '[\"1\"]', sent_at = updated_at WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        for (var first = 1; first <= rows; first += batchSize)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            for (var i = first; i < first + batchSize && i <= rows; i++)
            {
                id.Value = (long)i;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }
}
