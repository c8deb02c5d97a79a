namespace Bot.Core.Rendering;

public enum TelegramHtmlTokenKind
{
    Text,
    StartTag,
    EndTag,
}
