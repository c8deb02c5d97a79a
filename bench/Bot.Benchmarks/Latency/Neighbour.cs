using System.Globalization;
using Bot.IntegrationTests.Fakes.DiscordApi;
using Bot.IntegrationTests.Fakes.TelegramBotApi;

namespace Bot.Benchmarks.Latency;

/// <summary>
/// What else every measured article goes to, besides its own Telegram channel: nothing; a Discord channel that is
/// always out of budget, dry (<see cref="Paced"/>) or on the strict fake Discord API with its 5 per 5 s bucket
/// (<see cref="RealDiscord"/>), which articles 300 ms apart outrun; or two Telegram chats that are backing off
/// (<see cref="BackingOff"/>): one answers every request with 429 and <c>retry_after</c>, the other with 502, and
/// both are retried as soon as the engine allows. "both" is the dry paced one and the backing-off ones together.
/// </summary>
public sealed record Neighbour(string Name, bool Paced, bool RealDiscord, bool BackingOff)
{
    public const string PacedChannel = "1180000000000000001";

    public const string LimitedChat = "-1002000000001";

    public const string FailingChat = "-1002000000002";

    public const int RetryAfterSeconds = 1;

    public static readonly IReadOnlyList<Neighbour> All =
    [
        new("none", false, false, false),
        new("paced", true, false, false),
        new("discord", false, true, false),
        new("backoff", false, false, true),
        new("both", true, false, true),
    ];

    public static Neighbour Parse(string name) =>
        All.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--neighbours: '{name}' is not one of {string.Join(", ", All.Select(n => n.Name))}");

    /// <summary>The fake Discord API this neighbour needs, or null.</summary>
    public async Task<FakeDiscordApi?> StartDiscordAsync() => RealDiscord ? await FakeDiscordApi.StartAsync() : null;

    /// <summary>The bot's settings for these neighbours; <paramref name="telegramIndex"/> is the first free Telegram destination index.</summary>
    public IEnumerable<string> Settings(int telegramIndex, FakeDiscordApi? discord)
    {
        if (Paced || RealDiscord)
        {
            // Without a token Discord runs dry; its default budget (5 per 5 s per channel) paces it all the same.
            yield return "--Discord:Destinations:0:Name=paced-neighbour";
            yield return $"--Discord:Destinations:0:ChannelId={PacedChannel}";
        }

        if (discord is not null)
        {
            yield return $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}";
            yield return $"--Discord:GatewayUrl={discord.GatewayUrl}";
        }

        if (BackingOff)
        {
            yield return $"--Telegram:Destinations:{telegramIndex}:Name=limited-neighbour";
            yield return $"--Telegram:Destinations:{telegramIndex}:ChatId={LimitedChat}";
            yield return $"--Telegram:Destinations:{telegramIndex + 1}:Name=failing-neighbour";
            yield return $"--Telegram:Destinations:{telegramIndex + 1}:ChatId={FailingChat}";
            // Retried as often as the engine lets it, so the neighbour is always either in a send or just out of one.
            yield return "--Delivery:Retry:BaseDelay=00:00:00.100";
            yield return "--Delivery:Retry:MaxDelay=00:00:00.500";
            yield return "--Delivery:Retry:MaxAttempts=100000";
        }
    }

    /// <summary>The bot's environment for these neighbours (the Discord token, as deployments pass it).</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment(FakeDiscordApi? discord) =>
        discord is null ? [] : [new("Discord__BotToken", discord.BotToken)];

    /// <summary>Scripts the fake's answers to the backing-off neighbours.</summary>
    public void Prepare(FakeTelegramBotApi telegram)
    {
        if (!BackingOff) return;
        telegram.FailChat(LimitedChat, FakeTelegramFailure.TooManyRequests(RetryAfterSeconds));
        telegram.FailChat(FailingChat, FakeTelegramFailure.BadGateway);
    }

    /// <summary>What the neighbours did during the run, in a few words.</summary>
    public string Activity(FakeTelegramBotApi telegram, FakeDiscordApi? discord, string dataDirectory)
    {
        var parts = new List<string>();
        if (Paced)
        {
            var folder = Path.Combine(dataDirectory, "outbox", "discord");
            var written = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Length : 0;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"dry discord: {written} sent"));
        }

        if (discord is not null)
        {
            var posts = discord.Journal.Where(r => r.Method == "POST" && r.ChannelId == PacedChannel).ToList();
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"discord: {posts.Count(r => r.Status == 200)} sent, {posts.Count(r => r.Status == 429)} 429"));
        }

        if (BackingOff)
        {
            var journal = telegram.Journal;
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"429: {journal.Count(r => r.Chat == LimitedChat && r.StatusCode == 429)}, 502: {journal.Count(r => r.Chat == FailingChat && r.StatusCode == 502)}"));
        }

        return parts.Count == 0 ? "-" : string.Join("; ", parts);
    }
}
