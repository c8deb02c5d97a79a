namespace Bot.Core.Rendering;

/// <summary>One piece of Telegram HTML.</summary>
/// <param name="Kind">Text or a tag.</param>
/// <param name="Raw">
/// The markup: a tag exactly as written, or a text run with every character that is not markup escaped
/// (a stray <c>&amp;</c> or <c>&gt;</c> becomes an entity, so the run is valid wherever it is put).
/// </param>
/// <param name="Text">For text, what Telegram shows: entities decoded. Empty for tags.</param>
/// <param name="Name">For tags, the lower-case tag name.</param>
public readonly record struct TelegramHtmlToken(TelegramHtmlTokenKind Kind, string Raw, string Text, string? Name);
