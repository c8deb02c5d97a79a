namespace Bot.Core.Admin.Commands;

/// <summary>One command of the chat menu: its name without the slash, and what it does (arguments first).</summary>
public sealed record AdminMenuEntry(string Name, string Description);
