using System.Data.Common;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Storage.Articles;

/// <summary>Versioned articles in SQLite or PostgreSQL: one SQL text for both.</summary>
public sealed class SqlArticleStore(IDbConnectionFactory factory, TimeProvider time) : IArticleStore
{
    /// <summary>Enough for a burst of importers of one id; each retry starts a fresh transaction.</summary>
    private const int MaxAttempts = 5;

    public async Task<ImportResult> ImportAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(article.Key);
        var fingerprint = ArticleFingerprint.Compute(article);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryImportAsync(article, fingerprint, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && factory.Dialect.IsRetryableConflict(e))
            {
                // Another writer won a race for the same rows; the next attempt sees its commit.
            }
        }
    }

    public async Task<Article?> GetAsync(string key, int? version, CancellationToken cancellationToken)
    {
        const string Columns = "v.key AS Key, v.version AS Version, v.document AS Document, a.origin AS Origin";
        var sql = version is null
            ? $"SELECT {Columns} FROM articles a JOIN article_versions v ON v.key = a.key AND v.version = a.latest_version WHERE a.key = @Key"
            : $"SELECT {Columns} FROM articles a JOIN article_versions v ON v.key = a.key WHERE a.key = @Key AND v.version = @Version";
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            sql, new { Key = key, Version = (long?)version }, cancellationToken: cancellationToken));
        return row?.ToArticle();
    }

    public async Task<IReadOnlyList<Article>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0) return [];
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            """
            SELECT v.key AS Key, v.version AS Version, v.document AS Document, a.origin AS Origin
            FROM articles a
            JOIN article_versions v ON v.key = a.key AND v.version = a.latest_version
            ORDER BY a.updated_at DESC, a.key
            LIMIT @Limit
            """,
            new { Limit = (long)limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToArticle())];
    }

    private async Task<ImportResult> TryImportAsync(Article article, string fingerprint, CancellationToken cancellationToken)
    {
        var dialect = factory.Dialect;
        var now = time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);

        // Make sure the head row exists, then lock it: two importers of one id queue on that row
        // instead of both reading version n and both writing n + 1. On SQLite the write transaction
        // already excludes every other writer. A rollback (nothing to store) removes a fresh head row.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO articles (key, origin, latest_version, title, retracted, created_at, updated_at)
            VALUES (@Key, @Origin, 0, @Title, @Retracted, @Now, @Now)
            ON CONFLICT (key) DO NOTHING
            """,
            new { article.Key, Origin = article.Origin.Stored, article.Title, article.Retracted, Now = now }, transaction, cancellationToken: cancellationToken));
        var head = await connection.QuerySingleAsync<(long Latest, string Origin)>(new CommandDefinition(
            $"SELECT latest_version, origin FROM articles WHERE key = @Key{dialect.ForUpdate}",
            new { article.Key }, transaction, cancellationToken: cancellationToken));
        var latest = head.Latest;
        if (head.Origin != article.Origin.Stored)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new ArticleOriginConflictException(article.Key, ArticleOrigin.Parse(head.Origin), article.Origin);
        }

        if (latest > 0)
        {
            var current = await connection.QuerySingleAsync<(string Fingerprint, string Title, bool Retracted)>(new CommandDefinition(
                "SELECT fingerprint, title, retracted FROM article_versions WHERE key = @Key AND version = @Version",
                new { article.Key, Version = latest }, transaction, cancellationToken: cancellationToken));
            var verdict = ArticleRevision.Judge(article, fingerprint, current.Fingerprint, current.Retracted);
            if (verdict == ArticleRevision.Verdict.NewUnlessSeen)
            {
                verdict = await SeenBeforeAsync(connection, transaction, article.Key, fingerprint, cancellationToken)
                    ? ArticleRevision.Verdict.StaysRetracted
                    : ArticleRevision.Verdict.NewVersion;
            }

            if (verdict != ArticleRevision.Verdict.NewVersion)
            {
                await transaction.RollbackAsync(cancellationToken);
                var status = verdict == ArticleRevision.Verdict.Unchanged ? ImportStatus.Unchanged : ImportStatus.Retracted;
                return new ImportResult(article.Key, checked((int)latest), current.Title, status);
            }
        }

        var version = latest + 1;
        var received = article.Received == default ? now : article.Received;
        var document = JsonSerializer.Serialize(
            ArticleDocument.From(article with { Received = received }), ArticleJsonContext.Readable.ArticleDocument);
        await InsertVersionAsync(connection, transaction, article, version, fingerprint, document, received, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE articles SET latest_version = @Version, title = @Title, retracted = @Retracted, updated_at = @Now WHERE key = @Key",
            new { article.Key, Version = version, article.Title, article.Retracted, Now = now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(article.Key, checked((int)version), article.Title, latest == 0 ? ImportStatus.Created : ImportStatus.Updated);
    }

    /// <summary>
    /// Whether any stored version of the article showed <paramref name="contentFingerprint"/> to readers. A retracted
    /// version's own fingerprint counts the retraction flag, so its content is fingerprinted again from its document;
    /// this runs only while an article is retracted, for an item that is not retracted itself.
    /// </summary>
    private static async Task<bool> SeenBeforeAsync(
        DbConnection connection, DbTransaction transaction, string key, string contentFingerprint, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long Version, string Fingerprint, bool Retracted, string Document)>(new CommandDefinition(
            "SELECT version, fingerprint, retracted, document FROM article_versions WHERE key = @Key",
            new { Key = key }, transaction, cancellationToken: cancellationToken));
        return rows.Any(r => (r.Retracted ? ArticleRevision.ContentFingerprint(Read(key, r.Version, r.Document)) : r.Fingerprint) == contentFingerprint);
    }

    private static Article Read(string key, long version, string document) =>
        (JsonSerializer.Deserialize(document, ArticleJsonContext.Readable.ArticleDocument)
            ?? throw new InvalidDataException($"Article {key} version {version} has an empty document."))
        .ToArticle(key, checked((int)version));

    private static Task InsertVersionAsync(
        DbConnection connection,
        DbTransaction transaction,
        Article article,
        long version,
        string fingerprint,
        string document,
        DateTimeOffset received,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO article_versions (key, version, fingerprint, title, language, published_at, retracted, document, received_at)
            VALUES (@Key, @Version, @Fingerprint, @Title, @Language, @Published, @Retracted, @Document, @Received)
            """,
            new
            {
                article.Key,
                Version = version,
                Fingerprint = fingerprint,
                article.Title,
                article.Language,
                article.Published,
                article.Retracted,
                Document = document,
                Received = received,
            },
            transaction,
            cancellationToken: cancellationToken));

    private sealed class VersionRow
    {
        public string Key { get; init; } = "";
        public long Version { get; init; }
        public string Document { get; init; } = "";
        public string Origin { get; init; } = "";

        public Article ToArticle() => Read(Key, Version, Document) with { Origin = ArticleOrigin.Parse(Origin) };
    }
}
