using Bot.Channels.Telegram;
using Bot.Core.Admin;
using Bot.Host.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary>Where the host sends admin notices: the admins' Telegram chats when it can, else only the log.</summary>
public sealed class AdminNoticeRegistrationTests
{
    [Fact]
    public void Host_TokenAndAdmins_NoticesGoToTelegram()
    {
        using var provider = Build(new() { ["Telegram:BotToken"] = "123:abc", ["Telegram:Admins:0"] = "42" });

        Assert.IsType<TelegramAdminNoticeSink>(provider.GetRequiredService<IAdminNoticeSink>());
        Assert.IsType<AdminNoticeQueue>(provider.GetRequiredService<IAdminNotifier>());
    }

    [Theory]
    [InlineData(null, "42")]
    [InlineData("123:abc", null)]
    public void Host_TelegramDryOrNoAdmin_NoticesOnlyLogged(string? token, string? admin)
    {
        using var provider = Build(new() { ["Telegram:BotToken"] = token, ["Telegram:Admins:0"] = admin });

        Assert.IsType<LoggingAdminNoticeSink>(provider.GetRequiredService<IAdminNoticeSink>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
        // The order of bot run: the channel registers its sink first, the delivery engine its fallback.
        return new ServiceCollection().AddLogging().AddTelegramChannel(configuration).AddBotDelivery(configuration).BuildServiceProvider();
    }
}
