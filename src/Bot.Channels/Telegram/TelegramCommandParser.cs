using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>Reads a command out of a message the way Telegram marks it: a <c>bot_command</c> entity at offset 0.</summary>
public static class TelegramCommandParser
{
    /// <summary>
    /// The command in <paramref name="message"/>, or <see langword="null"/> when it is not a command or is meant for
    /// another bot (<c>/status@other_bot</c>, which group clients send when several bots are present).
    /// </summary>
    public static TelegramCommand? Parse(Message message, string botUsername)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Text is not { Length: > 1 } text
            || message.Entities is not { Length: > 0 } entities
            || entities[0] is not { Type: MessageEntityType.BotCommand, Offset: 0, Length: > 1 } command
            || command.Length > text.Length)
        {
            return null;
        }

        // Entity offsets are UTF-16 units, the same as .NET string indices.
        var token = text[1..command.Length];
        var at = token.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!token[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            token = token[..at];
        }

        return new TelegramCommand(
            token.ToLowerInvariant(),
            text[command.Length..].Trim(),
            message.Chat.Id,
            message.From?.Id,
            message.Chat.Type == ChatType.Private,
            message.Id)
        {
            SenderName = message.From is { Username: { Length: > 0 } username } ? "@" + username : message.From?.FirstName,
        };
    }
}
