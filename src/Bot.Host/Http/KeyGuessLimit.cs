using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http;

/// <summary>
/// The rate limit in front of a surface guarded by a key (the admin key, the article API's keys): requests that carry
/// a valid key are never limited, so a guesser cannot lock the real key holders out; the others are counted per
/// client address in a token bucket.
/// </summary>
public static class KeyGuessLimit
{
    public static RateLimitPartition<string> For(HttpContext context, bool authenticated, string surface, int burst, TimeSpan refill) =>
        authenticated
            ? RateLimitPartition.GetNoLimiter(surface)
            : RateLimitPartition.GetTokenBucketLimiter(surface + ":" + SubscriptionEndpoints.ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = refill,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
