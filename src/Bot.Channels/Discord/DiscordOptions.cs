namespace Bot.Channels.Discord;

/// <summary>The Discord channel (<c>Discord</c> section).</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>Bot token (<c>Discord:BotToken</c>). Needed for channel-id destinations; webhook destinations work without it.</summary>
    public string? BotToken { get; set; }

    /// <summary>REST root including its version path (<c>Discord:ApiBaseUrl</c>). Default https://discord.com/api/v10.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>
    /// Gateway WebSocket URL (<c>Discord:GatewayUrl</c>), without the <c>?v=10&amp;encoding=json</c> query the client adds.
    /// Default: none, asked from <c>GET /gateway/bot</c>.
    /// </summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The application's id (<c>Discord:ApplicationId</c>); slash commands are registered and answered only when set.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Discord user ids allowed to use the admin slash commands (<c>Discord:Admins</c>). Default: none.</summary>
    public IList<ulong> Admins { get; set; } = [];

    /// <summary>Timeout of one REST request (<c>Discord:RequestTimeout</c>). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per second across all routes (<c>Discord:GlobalRequestsPerSecond</c>). Default 50, Discord's global limit.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Longest wait for an exhausted bucket that the client sits out itself (<c>Discord:MaxBucketWait</c>); a longer
    /// one goes back to the engine as "retry later". Default 10 s.
    /// </summary>
    public TimeSpan MaxBucketWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The URL in the <c>User-Agent: DiscordBot (url, version)</c> header (<c>Discord:UserAgentUrl</c>).</summary>
    public Uri UserAgentUrl { get; set; } = new("https://github.com/news-desk/announcement-bot");

    /// <summary>Target channels (<c>Discord:Destinations</c>); only the addresses are read here.</summary>
    public IList<DiscordDestinationOptions> Destinations { get; set; } = [];

    /// <summary>Whether a bot token is set.</summary>
    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>Whether an application id is set, which slash commands need besides the token.</summary>
    public bool HasApplicationId => !string.IsNullOrWhiteSpace(ApplicationId);
}
