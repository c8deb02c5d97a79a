namespace Bot.Channels.Telegram;

/// <summary>The Telegram channel (<c>Telegram</c> section).</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>Bot token from BotFather (<c>Telegram:BotToken</c>). Empty means the channel is not configured.</summary>
    public string? BotToken { get; set; }

    /// <summary>API root (<c>Telegram:ApiBaseUrl</c>); only scheme and authority are used. Default https://api.telegram.org.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>Timeout of one Bot API request (<c>Telegram:RequestTimeout</c>). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one getUpdates long poll may wait for commands (<c>Telegram:PollTimeout</c>); Telegram caps it at 50 s. Default 50 s.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(50);


    /// <summary>Telegram user ids allowed to command the bot (<c>Telegram:Admins</c>).</summary>
    public IList<long> Admins { get; set; } = [];

    /// <summary>Whether a bot token is set, i.e. the channel sends for real rather than running dry.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);
}
