namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>A scripted error answer, with Telegram's real texts.</summary>
public sealed record FakeTelegramFailure(int StatusCode, string Description, int? RetryAfter = null, long? MigrateToChatId = null)
{
    public static FakeTelegramFailure KickedFromChannel { get; } = new(403, "Forbidden: bot was kicked from the channel chat");

    public static FakeTelegramFailure KickedFromSupergroup { get; } = new(403, "Forbidden: bot was kicked from the supergroup chat");

    public static FakeTelegramFailure NotAMember { get; } = new(403, "Forbidden: bot is not a member of the channel chat");

    public static FakeTelegramFailure BlockedByUser { get; } = new(403, "Forbidden: bot was blocked by the user");

    public static FakeTelegramFailure UserDeactivated { get; } = new(403, "Forbidden: user is deactivated");

    public static FakeTelegramFailure ChatNotFound { get; } = new(400, "Bad Request: chat not found");

    public static FakeTelegramFailure Unauthorized { get; } = new(401, "Unauthorized");

    public static FakeTelegramFailure BadGateway { get; } = new(502, "Bad Gateway");

    public static FakeTelegramFailure InternalServerError { get; } = new(500, "Internal Server Error");

    public static FakeTelegramFailure PollingConflict { get; } =
        new(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");

    public static FakeTelegramFailure MigratedTo(long newChatId) =>
        new(400, "Bad Request: group chat was upgraded to a supergroup chat", MigrateToChatId: newChatId);

    public static FakeTelegramFailure TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", RetryAfter: retryAfter);
}
