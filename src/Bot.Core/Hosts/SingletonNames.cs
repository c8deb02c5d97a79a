namespace Bot.Core.Hosts;

/// <summary>The singletons hosts elect: work that must run on exactly one host at a time.</summary>
public static class SingletonNames
{
    /// <summary>The Telegram getUpdates long poll (admin commands, readers' /start): a second poller would get 409.</summary>
    public const string TelegramUpdates = "telegram-updates";

    /// <summary>The Discord gateway session: a second session would get every interaction twice.</summary>
    public const string DiscordGateway = "discord-gateway";

    /// <summary>The planning round, which turns imported article versions into deliveries.</summary>
    public const string Planner = "planner";

    /// <summary>The store's housekeeping: expired leases, sessions, silent hosts and spent pacing rows.</summary>
    public const string Maintenance = "maintenance";

    private const string FeedPrefix = "feed:";

    /// <summary>The poller of one feed, by its name (<c>Sources:Feeds:N:Name</c>).</summary>
    public static string Feed(string feedName) => FeedPrefix + feedName;
}
