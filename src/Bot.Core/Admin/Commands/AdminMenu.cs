namespace Bot.Core.Admin.Commands;

/// <summary>The admin commands a chat offers, in display order: Telegram's setMyCommands, Discord's slash commands and /help.</summary>
public static class AdminMenu
{
    public static IReadOnlyList<AdminMenuEntry> Entries { get; } =
    [
        new("help", "What the bot can do"),
        new("status", "Queue and destinations at a glance"),
        new("articles", "Recent articles"),
        new("preview", "ID [channel] — show what would be sent"),
        new("retry", "[delivery id] — put dead deliveries back in the queue"),
        new("pause", "NAME — hold a destination's deliveries"),
        new("resume", "NAME — send held deliveries; re-enable a disabled destination"),
        new("destinations", "Configured destinations and their state"),
        new("publish", "ID — announce an article again everywhere it matches"),
        new("subscribers", "Email list counts by state"),
    ];
}
