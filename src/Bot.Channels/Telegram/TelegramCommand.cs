using System.Globalization;
using Bot.Core.Admin.Commands;
using Bot.Core.Channels;

namespace Bot.Channels.Telegram;

/// <summary>A bot command a user sent: <c>/name arguments</c>, already checked to be addressed to this bot.</summary>
/// <param name="Name">Lower-case command name without the slash and without any <c>@botname</c>.</param>
/// <param name="Arguments">The rest of the text, trimmed.</param>
/// <param name="ChatId">Where to answer.</param>
/// <param name="UserId">The sender's user id; <see langword="null"/> for posts on behalf of a channel or group.</param>
/// <param name="IsPrivateChat">Sent in a one-to-one chat with the bot.</param>
/// <param name="MessageId">The command message, to reply to.</param>
public sealed record TelegramCommand(string Name, string Arguments, long ChatId, long? UserId, bool IsPrivateChat, int MessageId)
{
    /// <summary>The sender's <c>@username</c>, else first name; null when Telegram gave neither.</summary>
    public string? SenderName { get; init; }

    /// <summary>
    /// The sender as the admin commands and the audit log know them: <c>telegram:USER</c>, or <c>telegram:chatID</c> for
    /// a post on behalf of a chat; the origin is the chat it was sent in, <c>chat:ID</c>.
    /// </summary>
    public AdminCaller Caller => AdminCaller.Chat(
        ChannelNames.Telegram,
        UserId?.ToString(CultureInfo.InvariantCulture) ?? "chat" + ChatId.ToString(CultureInfo.InvariantCulture)) with
    {
        Origin = "chat:" + ChatId.ToString(CultureInfo.InvariantCulture),
    };
}
