namespace Bot.Channels.Telegram;

/// <summary>
/// Pacing budget for one bot (<c>Telegram:Limits</c>). Telegram does not publish exact numbers; the defaults are
/// the bot FAQ's figures, which keep normal operation clear of 429s.
/// </summary>
public sealed class TelegramLimitsOptions
{
    /// <summary>Requests per second across all chats. Default 30.</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Requests per minute to one group, supergroup or channel (a negative id or an @username). Default 20.</summary>
    public int PerChatPerMinute { get; set; } = 20;

    /// <summary>Requests per second to one private chat (a positive id). Default 1.</summary>
    public int PrivateChatPerSecond { get; set; } = 1;

    /// <summary>
    /// Added to a wait that a full window imposes, for a server that counts differently from a sliding window.
    /// No margin is needed against one: the pacer counts a request from when its answer came back, after the
    /// server counted it. Default zero.
    /// </summary>
    public TimeSpan WindowMargin { get; set; }
}
