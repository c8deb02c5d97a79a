namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>How the fake behaves. Windows run on <see cref="Clock"/>, the real clock unless a test gives another.</summary>
public sealed record FakeDiscordApiOptions
{
    public string BotToken { get; init; } = "MTA5ODc2NTQzMjEwOTg3NjU0.GfAkE1.bot-token-secret-0123456789abcdef";

    /// <summary>Requests per window on each route of one channel or webhook (Discord's folklore: 5 per 5 s).</summary>
    public int BucketLimit { get; init; } = 5;

    public TimeSpan BucketWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a nonce with <c>enforce_nonce</c> keeps returning its first message.</summary>
    public TimeSpan NonceWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Real time each answer is held back after the request took effect, to provoke client timeouts.</summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
