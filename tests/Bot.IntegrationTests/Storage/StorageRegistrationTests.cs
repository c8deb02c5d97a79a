using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Storage;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void AddBotStorage_NoStoreSection_SqliteUnderData()
    {
        using var services = Build([]);

        var factory = services.GetRequiredService<IDbConnectionFactory>();

        var sqlite = Assert.IsType<SqliteConnectionFactory>(factory);
        Assert.Equal("data/bot.db", sqlite.DataSource);
        Assert.Same(SqliteDialect.Instance, services.GetRequiredService<SqlDialect>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Same(services.GetRequiredService<IArticleStore>(), services.GetRequiredService<IArticleStore>());
        Assert.NotNull(services.GetRequiredService<IStoreHealth>());
    }

    [Fact]
    public void AddBotStorage_Postgres_PostgresFactory()
    {
        using var services = Build(new() { ["Store:Provider"] = "postgres", ["Store:ConnectionString"] = "Host=127.0.0.1;Username=bot;Database=bot" });

        Assert.IsType<PostgresConnectionFactory>(services.GetRequiredService<IDbConnectionFactory>());
        Assert.Same(PostgresDialect.Instance, services.GetRequiredService<SqlDialect>());
    }

    [Fact]
    public void AddBotStorage_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var time = new FakeTimeProvider();
        var configuration = new ConfigurationBuilder().Build();

        using var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddBotStorage(configuration).BuildServiceProvider();

        Assert.Same(time, services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("mysql", "Store:Provider")]
    [InlineData("postgres", "Store:ConnectionString")]
    public void AddBotStorage_BadSection_ErrorNamesTheKey(string provider, string key)
    {
        using var services = Build(new() { ["Store:Provider"] = provider });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IArticleStore>());

        Assert.Contains(key, error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddBotStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
