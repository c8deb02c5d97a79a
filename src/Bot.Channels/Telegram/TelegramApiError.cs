namespace Bot.Channels.Telegram;

/// <summary>An error answer of the Bot API, as plain values: <c>error_code</c>, <c>description</c> and <c>parameters</c>.</summary>
public sealed record TelegramApiError(int ErrorCode, string Description, int? RetryAfter = null, long? MigrateToChatId = null);
