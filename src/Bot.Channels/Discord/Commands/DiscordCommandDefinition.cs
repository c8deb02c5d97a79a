namespace Bot.Channels.Discord.Commands;

/// <summary>One slash command: its name (as in the admin menu), description and options in the order the chat command reads its arguments.</summary>
public sealed record DiscordCommandDefinition(string Name, string Description, IReadOnlyList<DiscordCommandOption> Options);
