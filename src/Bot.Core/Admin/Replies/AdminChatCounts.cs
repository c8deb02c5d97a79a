namespace Bot.Core.Admin.Replies;

/// <summary>Telegram private chats that follow the bot, stopped it, or blocked it.</summary>
public sealed record AdminChatCounts(long Active, long Unsubscribed, long Blocked);
