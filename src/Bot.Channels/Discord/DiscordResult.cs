namespace Bot.Channels.Discord;

/// <summary>What one REST call gave: the message id on success (null for a 204), or the error.</summary>
public sealed record DiscordResult(string? MessageId, DiscordApiError? Error)
{
    public bool IsSuccess => Error is null && NotBefore is null;

    /// <summary>The answer's body on success, for calls that read more than an id (<c>GET /gateway/bot</c>).</summary>
    public string? Body { get; init; }

    public static DiscordResult Ok(string? messageId) => new(messageId, null);

    public static DiscordResult Failed(DiscordApiError error) => new(null, error);

    /// <summary>Not sent: the route's bucket has no room before <see cref="NotBefore"/> (only for calls that do not wait).</summary>
    public static DiscordResult Paced(DateTimeOffset notBefore) => new(null, null) { NotBefore = notBefore };

    /// <summary>Set when the call was not made because its bucket was spent; <see cref="IsSuccess"/> is then false.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
