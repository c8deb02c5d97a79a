namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>
/// What Telegram makes of an HTML-mode text: the plain text a subscriber sees and its entities, or the parse
/// error (the part after <c>Bad Request: can't parse entities: </c>).
/// </summary>
public sealed record TelegramHtmlParseResult(string Text, IReadOnlyList<TelegramHtmlEntity> Entities, string? Error)
{
    public bool IsValid => Error is null;

    /// <summary>Length as Telegram counts it against 4096/1024: Unicode code points.</summary>
    public int CodePoints => Text.EnumerateRunes().Count();

    /// <summary>The full Bot API description of the error.</summary>
    public string? Description => Error is null ? null : "Bad Request: can't parse entities: " + Error;
}
