namespace Bot.Core.Admin.Replies;

/// <summary>A destination as the admin sees it: configuration and stored state together.</summary>
/// <param name="Address">The address in use (chat or channel id, webhook URL, mailbox, or empty for an email list), as stored: surfaces that show it hide credentials.</param>
/// <param name="Configured">False for a destination the store remembers but the configuration no longer names.</param>
public sealed record AdminDestination(
    string Name,
    string Channel,
    string Address,
    bool Configured,
    bool Paused,
    bool Disabled,
    string? DisabledReason);
