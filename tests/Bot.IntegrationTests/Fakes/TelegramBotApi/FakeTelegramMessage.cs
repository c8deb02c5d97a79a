namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>A message as a subscriber sees it now: parsed <see cref="Text"/> (text or caption) and the raw HTML sent.</summary>
public sealed record FakeTelegramMessage(
    string Chat,
    int MessageId,
    string Text,
    string RawText,
    IReadOnlyList<TelegramHtmlEntity> Entities,
    string? PhotoUrl,
    bool LinkPreviewDisabled,
    bool Deleted,
    int Edits)
{
    public bool IsPhoto => PhotoUrl is not null;
}
