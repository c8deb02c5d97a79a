using Bot.Storage;
using Dapper;

namespace Bot.IntegrationTests.Storage;

/// <summary>
/// Writes an article version as a store migrated only up to 0009 holds it (no origin column), for tests that start
/// from an older schema: the article store of this build needs the newer one.
/// </summary>
internal static class PreOriginArticle
{
    public static async Task InsertAsync(IDbConnectionFactory factory, string key, string title, DateTimeOffset at)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO articles (key, latest_version, title, retracted, created_at, updated_at) VALUES (@Key, 1, @Title, @False, @At, @At)",
            new { Key = key, Title = title, False = false, At = at });
        await connection.ExecuteAsync(
            """
            INSERT INTO article_versions (key, version, fingerprint, title, language, retracted, document, received_at)
            VALUES (@Key, 1, 'pre-origin', @Title, 'en', @False, @Document, @At)
            """,
            new { Key = key, Title = title, False = false, Document = $$"""{"title":"{{title}}","paragraphs":["Body."],"language":"en"}""", At = at });
    }
}
