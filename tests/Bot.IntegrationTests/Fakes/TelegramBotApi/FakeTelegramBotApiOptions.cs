namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>How strict the fake Bot API is. Rate limits count sends, edits and deletes that were accepted.</summary>
public sealed record FakeTelegramBotApiOptions
{
    /// <summary>A well-formed token the fake accepts.</summary>
    public const string DefaultToken = "123456:TEST-token_secret";

    public IReadOnlyList<string> Tokens { get; init; } = [DefaultToken];

    public long BotId { get; init; } = 123456;

    public string BotUsername { get; init; } = "news_fake_bot";

    /// <summary>Clock for rate-limit windows and journal times; long polls always use real time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public bool EnforceRateLimits { get; init; } = true;

    public int GlobalPerSecond { get; init; } = 30;

    /// <summary>Per group, supergroup or channel (negative id or @username).</summary>
    public int GroupPerMinute { get; init; } = 20;

    /// <summary>Per private chat (positive id).</summary>
    public int PrivatePerSecond { get; init; } = 1;

    public int MaxTextLength { get; init; } = 4096;

    public int MaxCaptionLength { get; init; } = 1024;

    public int MaxRawBytes { get; init; } = 32768;

    /// <summary>Server-side cap of the getUpdates timeout.</summary>
    public TimeSpan MaxLongPoll { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The limits multiplied, as the benchmark runs them.</summary>
    public FakeTelegramBotApiOptions ScaleRateLimits(int factor) => this with
    {
        GlobalPerSecond = GlobalPerSecond * factor,
        GroupPerMinute = GroupPerMinute * factor,
        PrivatePerSecond = PrivatePerSecond * factor,
    };
}
