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

    /// <summary>The application whose commands and interactions the fake serves.</summary>
    public string ApplicationId { get; init; } = "1100000000000000001";

    /// <summary>Hello's <c>heartbeat_interval</c>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(41.25);

    /// <summary>Whether heartbeats get an ACK (op 11); false makes every connection a zombie.</summary>
    public bool AcknowledgeHeartbeats { get; init; } = true;

    /// <summary>How long after dispatch an interaction may first be answered, on <see cref="Clock"/> (Discord: 3 s).</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);
}
