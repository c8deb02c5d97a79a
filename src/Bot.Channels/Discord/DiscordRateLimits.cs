namespace Bot.Channels.Discord;

/// <summary>
/// Discord's REST rate limits as book-keeping, no I/O: route keys map to bucket hashes learned from
/// <c>X-RateLimit-Bucket</c>, buckets count what is left of their window, a sliding one-second window holds the global
/// limit, and a 429 blocks its bucket (or everything, when global) until its <c>retry_after</c> has passed.
/// Modelled on DSharpPlus's RateLimitStrategy; System.Threading.RateLimiting is not used because its limiters read
/// the real clock and cannot learn their budget from response headers.
/// </summary>
public sealed class DiscordRateLimits(TimeProvider timeProvider, int globalPerSecond = 50, TimeSpan? maxWait = null)
{
    /// <summary>
    /// How long a request waits while another request on the same unknown route is learning its bucket; DSharpPlus
    /// waits 200 ms, a loopback answer comes much sooner.
    /// </summary>
    public static readonly TimeSpan DiscoveryWait = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly TimeSpan maxWait = maxWait ?? TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, string> routeHashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> discovering = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> blockedRoutes = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> globalStarts = new();
    private DateTimeOffset globalBlockedUntil = DateTimeOffset.MinValue;

    /// <summary>Asks for a slot on <paramref name="route"/>; a granted slot is reserved until completed or cancelled.</summary>
    public DiscordRateLimitDecision TryAcquire(DiscordRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            if (globalBlockedUntil > now && !route.GlobalExempt)
            {
                return new DiscordRateLimitDecision.Blocked(globalBlockedUntil - now, "global");
            }

            if (blockedRoutes.TryGetValue(route.Key, out var routeUntil))
            {
                if (routeUntil > now)
                {
                    return new DiscordRateLimitDecision.Blocked(routeUntil - now, "route");
                }

                blockedRoutes.Remove(route.Key);
            }

            Bucket? bucket = null;
            string? bucketKey = null;
            if (routeHashes.TryGetValue(route.Key, out var hash))
            {
                bucketKey = BucketKey(hash, route.Major);
                bucket = buckets.GetValueOrDefault(bucketKey);
            }
            else if (discovering.Contains(route.Key))
            {
                return Delay(DiscoveryWait, "discovery");
            }

            if (bucket is not null)
            {
                if (bucket.BlockedUntil > now)
                {
                    return new DiscordRateLimitDecision.Blocked(bucket.BlockedUntil - now, "bucket");
                }

                if (now >= bucket.ResetAt && bucket.Remaining < bucket.Limit)
                {
                    // The window is over by our clock; the next answer tells the new reset time. Answers to requests
                    // granted before this point describe the old window and must not overwrite the new one.
                    bucket.Remaining = bucket.Limit;
                    bucket.Generation++;
                }

                if (bucket.Remaining - bucket.Reserved <= 0)
                {
                    return bucket.ResetAt > now
                        ? Delay(bucket.ResetAt - now, "bucket")
                        : Delay(DiscoveryWait, "bucket"); // all slots reserved by requests still in flight
                }
            }

            while (globalStarts.Count > 0 && globalStarts.Peek() + GlobalWindow <= now)
            {
                globalStarts.Dequeue();
            }

            if (!route.GlobalExempt)
            {
                if (globalStarts.Count >= globalPerSecond)
                {
                    return Delay(globalStarts.Peek() + GlobalWindow - now, "global");
                }

                globalStarts.Enqueue(now);
            }
            var discovers = bucket is null && hash is null;
            if (discovers)
            {
                discovering.Add(route.Key);
            }

            if (bucket is not null)
            {
                bucket.Reserved++;
            }

            return new DiscordRateLimitDecision.Granted(new DiscordRateLimitTicket(route, bucket is null ? null : bucketKey, discovers, bucket?.Generation ?? 0));
        }
    }

    /// <summary>
    /// Records the answer to a granted request. <paramref name="retryAfter"/> is the 429's <c>retry_after</c>: the bucket
    /// (or, for a global 429, every route) is blocked until it has passed.
    /// </summary>
    public void Complete(DiscordRateLimitTicket ticket, DiscordRateLimitHeaders headers, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(headers);
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            Release(ticket);
            string? bucketKey = ticket.BucketKey;
            if (headers.HasBucket)
            {
                routeHashes[ticket.Route.Key] = headers.Bucket!;
                bucketKey = BucketKey(headers.Bucket!, ticket.Route.Major);
                Update(ticket, bucketKey, headers.Limit!.Value, headers.Remaining!.Value, now + headers.ResetAfter!.Value, now);
            }

            if (retryAfter is not { } wait)
            {
                return;
            }

            var until = now + wait;
            if (headers.Global || string.Equals(headers.Scope, "global", StringComparison.OrdinalIgnoreCase))
            {
                globalBlockedUntil = Max(globalBlockedUntil, until);
                return;
            }

            blockedRoutes[ticket.Route.Key] = Max(blockedRoutes.GetValueOrDefault(ticket.Route.Key, DateTimeOffset.MinValue), until);
            if (bucketKey is not null && buckets.TryGetValue(bucketKey, out var bucket))
            {
                bucket.BlockedUntil = Max(bucket.BlockedUntil, until);
            }
        }
    }

    /// <summary>Gives back a slot whose request got no answer (connection failure, timeout, cancellation).</summary>
    public void Cancel(DiscordRateLimitTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (gate)
        {
            Release(ticket);
        }
    }

    /// <summary>What is known of the bucket behind <paramref name="route"/>: remaining slots and reset, for tests and diagnostics.</summary>
    public (int Limit, int Remaining, DateTimeOffset ResetAt)? BucketOf(DiscordRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (gate)
        {
            return routeHashes.TryGetValue(route.Key, out var hash) && buckets.TryGetValue(BucketKey(hash, route.Major), out var b)
                ? (b.Limit, b.Remaining, b.ResetAt)
                : null;
        }
    }

    private DiscordRateLimitDecision Delay(TimeSpan delay, string scope) =>
        delay > maxWait ? new DiscordRateLimitDecision.Blocked(delay, scope) : new DiscordRateLimitDecision.Wait(delay, scope);

    private void Release(DiscordRateLimitTicket ticket)
    {
        if (ticket.DiscoversBucket)
        {
            discovering.Remove(ticket.Route.Key);
        }

        if (ticket.BucketKey is not null && buckets.TryGetValue(ticket.BucketKey, out var bucket) && bucket.Reserved > 0)
        {
            bucket.Reserved--;
        }
    }

    private void Update(DiscordRateLimitTicket ticket, string key, int limit, int remaining, DateTimeOffset resetAt, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = new Bucket { Limit = limit, Remaining = remaining, ResetAt = resetAt };
            return;
        }

        if (ticket.BucketKey == key && ticket.Generation != bucket.Generation)
        {
            // Granted in the old window but answered after our reset: its numbers describe the old window, yet it
            // may have reached Discord in the new one, so it costs a slot there to be safe.
            bucket.Remaining = Math.Max(0, bucket.Remaining - 1);
            return;
        }

        if (now >= bucket.ResetAt)
        {
            bucket.Limit = limit;
            bucket.Remaining = remaining;
            bucket.ResetAt = resetAt;
            return;
        }

        // Same window: answers can arrive out of order (DSharpPlus#2248), so a late answer with more remaining
        // must not give back slots that later requests already used.
        bucket.Limit = limit;
        bucket.Remaining = Math.Min(bucket.Remaining, remaining);
        bucket.ResetAt = Max(bucket.ResetAt, resetAt);
    }

    private static string BucketKey(string hash, string major) => hash + "|" + major;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Bucket
    {
        public int Limit { get; set; }

        public int Remaining { get; set; }

        public int Reserved { get; set; }

        public DateTimeOffset ResetAt { get; set; }

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

        /// <summary>Counts windows this side has started by the clock, to recognise answers from an earlier one.</summary>
        public int Generation { get; set; }
    }
}
