using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.Support;

/// <summary>A throwaway SQLite file in its own temporary folder; dispose after the stores that used it.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public string ConnectionString => $"Data Source={_folder.Combine("bot.db")}";

    public void Dispose()
    {
        // Pooled connections keep the file open; the folder cannot go while they do.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
