using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.ChatSubscriptions;

public sealed class SqliteTelegramSubscriberStoreTests : TelegramSubscriberStoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"bot-chats-{Guid.NewGuid():N}");

    protected override string Provider => "sqlite";

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(folder, "bot.db")}");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
