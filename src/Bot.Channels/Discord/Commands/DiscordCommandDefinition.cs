namespace Bot.Channels.Discord.Commands;

/// <summary>One slash command: its name (as Telegram's), description and options in the order Telegram reads its arguments.</summary>
public sealed record DiscordCommandDefinition(string Name, string Description, IReadOnlyList<DiscordCommandOption> Options);
