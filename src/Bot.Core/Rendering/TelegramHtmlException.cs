namespace Bot.Core.Rendering;

/// <summary>Markup Telegram would refuse with "can't parse entities"; <see cref="Offset"/> is a char index into the markup.</summary>
public sealed class TelegramHtmlException(string message, int offset) : FormatException(message)
{
    public int Offset { get; } = offset;
}
