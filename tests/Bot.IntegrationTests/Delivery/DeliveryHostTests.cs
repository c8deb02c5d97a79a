using Bot.Core.Articles;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Host.Delivery;
using Bot.Host.Sources;
using Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bot.IntegrationTests.Delivery;

/// <summary>The dispatcher as <c>bot run</c> composes it, in-process, with every channel dry.</summary>
public sealed class DeliveryHostTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bot-host-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private IHost Build(params (string Key, string Value)[] settings) => Build(plainRenderer: true, settings);

    private IHost Build(bool plainRenderer, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}",
            ["Delivery:DataDirectory"] = _folder,
            ["Delivery:PollInterval"] = "00:01:00",
        };
        foreach (var (key, value) in settings) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddBotStorage(configuration);
        builder.Services.AddSingleton<IArticleFeed, ArticleFeed>();
        if (plainRenderer) builder.Services.AddSingleton<IMessageRenderer, PlainTestRenderer>();
        builder.Services.AddBotDelivery(configuration);
        return builder.Build();
    }

    private int Files(string channel) =>
        Directory.Exists(Path.Combine(_folder, "outbox", channel)) ? Directory.GetFiles(Path.Combine(_folder, "outbox", channel)).Length : 0;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_NoChannelConfigured_EachDryChannelGetsAnImplicitDestinationAndTheSignalSendsAtOnce(bool plainRenderer)
    {
        using var host = Build(plainRenderer);
        await host.Services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IArticleStore>();

        await store.ImportAsync(ArticleFileReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt"), DateTimeOffset.UtcNow) is ArticleReadResult.Success ok
            ? ok.Article
            : throw new InvalidOperationException("sample unreadable"), CancellationToken.None);
        host.Services.GetRequiredService<DeliverySignal>().Notify();
        for (var i = 0; i < 200 && Files("telegram") + Files("discord") + Files("email") < 3; i++) await Task.Delay(50);
        await host.StopAsync();

        Assert.Equal((1, 1, 1), (Files("telegram"), Files("discord"), Files("email")));
        Assert.Equal(["discord", "email", "telegram"], host.Services.GetRequiredService<ChannelSenderSet>().DryChannels.Order());
        var sent = await host.Services.GetRequiredService<Bot.Core.Delivery.Store.IDeliveryQueries>().ListAsync(new DeliveryQuery(Status: DeliveryStatus.Sent), CancellationToken.None);
        Assert.Equal(3, sent.Count);
        Assert.Contains(sent, d => d.Recipient == "reader@example.invalid");
        var telegram = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_folder, "outbox", "telegram")).Single());
        Assert.Contains("مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”", telegram);
    }

    [Fact]
    public void Destinations_Configured_NoImplicitOneForThatChannel()
    {
        using var host = Build(("Telegram:Destinations:0:Name", "news"), ("Telegram:Destinations:0:ChatId", "@quds_news"), ("Telegram:BotToken", "1:x"));

        var names = host.Services.GetRequiredService<DestinationCatalog>().All.Select(d => d.Name);

        Assert.Equal(["news", "discord", "email", "telegram-subscribers"], names);
    }

    [Fact]
    public void Destinations_ConfiguredWithTheSubscribersName_StopStartNamingIt()
    {
        using var host = Build(("Telegram:Destinations:0:Name", "telegram-subscribers"), ("Telegram:Destinations:0:ChatId", "@quds_news"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<DestinationCatalog>());

        Assert.Contains("'telegram-subscribers' is reserved", error.Message);
    }

    [Fact]
    public void Destinations_Invalid_StopStartWithTheKey()
    {
        using var host = Build(("Telegram:Destinations:0:Name", "news"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<DestinationCatalog>());

        Assert.Contains("Telegram:Destinations:0:ChatId", error.Message);
    }

    [Fact]
    public void Options_Invalid_NameTheKey()
    {
        using var host = Build(("Delivery:Retry:MaxAttempts", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Bot.Core.Delivery.Outcomes.RetryOptions>>().Value);

        Assert.Contains("Delivery:Retry:MaxAttempts must be at least 1", error.Message);
    }

    [Fact]
    public void Credentials_DiscordWebhookDestination_IsNotDry()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Destinations:0:Name"] = "hook",
            ["Discord:Destinations:0:WebhookUrl"] = "https://discord.com/api/webhooks/1/x",
            ["Email:Smtp:Host"] = "smtp.example.org",
        }).Build();

        Assert.Equal(["telegram"], ChannelCredentials.DryChannels(configuration));
    }
}
