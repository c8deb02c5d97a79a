namespace Bot.Core.Rendering;

/// <summary>One piece of a split message.</summary>
/// <param name="Markup">What is sent: Telegram HTML or Discord Markdown, valid on its own.</param>
/// <param name="Text">What the platform shows and counts (for Telegram: tags removed, entities decoded).</param>
public sealed record TextPart(string Markup, string Text);
