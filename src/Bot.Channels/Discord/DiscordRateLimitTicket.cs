namespace Bot.Channels.Discord;

/// <summary>A granted request slot; hand it back to <see cref="DiscordRateLimits"/> with the answer or the failure.</summary>
/// <param name="Route">The route the slot was granted for.</param>
/// <param name="BucketKey">The bucket that holds a reservation for it, when the route's bucket was known.</param>
/// <param name="DiscoversBucket">Whether this is the request that learns the route's bucket (others wait for it).</param>
/// <param name="Generation">The bucket's window count at grant time; an answer from an older window is not applied.</param>
public sealed record DiscordRateLimitTicket(DiscordRoute Route, string? BucketKey, bool DiscoversBucket, int Generation = 0);
