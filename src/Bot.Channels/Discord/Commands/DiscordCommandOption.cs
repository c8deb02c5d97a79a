namespace Bot.Channels.Discord.Commands;

/// <summary>One option of a slash command; <paramref name="Type"/> is Discord's option type (3 string, 4 integer).</summary>
public sealed record DiscordCommandOption(string Name, int Type, bool Required, string Description, IReadOnlyList<string>? Choices = null);
