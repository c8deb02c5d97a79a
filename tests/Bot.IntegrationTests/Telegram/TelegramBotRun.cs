using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;

namespace Bot.IntegrationTests.Telegram;

/// <summary>Runs <c>bot</c> as a process talking to a fake Bot API, the token in the environment as deployments pass it.</summary>
internal static class TelegramBotRun
{
    public static Dictionary<string, string> Environment(FakeTelegramBotApi api) => new() { ["Telegram__BotToken"] = api.Token };

    /// <summary>The arguments every run shares, then <paramref name="more"/> (destinations, email lists).</summary>
    public static string[] Settings(FakeTelegramBotApi api, int port, long admin, params string[] more) =>
    [
        $"--Http:Urls=http://127.0.0.1:{port}",
        "--Sources:Seed=",
        $"--Telegram:ApiBaseUrl={api.BaseUrl}",
        "--Telegram:PollTimeout=00:00:02",
        $"--Telegram:Admins:0={admin}",
        .. more,
    ];

    public static BotProcess Start(string workingDirectory, FakeTelegramBotApi api, int port, long admin, params string[] more) =>
        BotProcess.Start(workingDirectory, Environment(api), ["run", .. Settings(api, port, admin, more)]);
}
