using System.Globalization;
using System.Net.Http.Headers;

namespace Bot.Channels.Discord;

/// <summary>The <c>X-RateLimit-*</c> headers of one answer, as plain values.</summary>
/// <param name="Bucket">Opaque bucket hash (<c>X-RateLimit-Bucket</c>).</param>
/// <param name="Limit">Requests per window (<c>X-RateLimit-Limit</c>).</param>
/// <param name="Remaining">Requests left in the window (<c>X-RateLimit-Remaining</c>).</param>
/// <param name="ResetAfter">Time until the window resets (<c>X-RateLimit-Reset-After</c>, seconds with decimals).</param>
/// <param name="Global">On a 429: the global limit was hit (<c>X-RateLimit-Global</c>).</param>
/// <param name="Scope">On a 429: <c>user</c>, <c>global</c> or <c>shared</c> (<c>X-RateLimit-Scope</c>).</param>
public sealed record DiscordRateLimitHeaders(
    string? Bucket,
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    bool Global = false,
    string? Scope = null)
{
    public static readonly DiscordRateLimitHeaders None = new(null, null, null, null);

    /// <summary>Whether the answer carries a complete bucket state.</summary>
    public bool HasBucket => Bucket is not null && Limit is not null && Remaining is not null && ResetAfter is not null;

    public static DiscordRateLimitHeaders Read(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var limit = int.TryParse(Single(headers, "X-RateLimit-Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : (int?)null;
        var remaining = int.TryParse(Single(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        var resetAfter = ParseSeconds(Single(headers, "X-RateLimit-Reset-After"));
        var global = string.Equals(Single(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        return new DiscordRateLimitHeaders(Single(headers, "X-RateLimit-Bucket"), limit, remaining, resetAfter, global, Single(headers, "X-RateLimit-Scope"));
    }

    /// <summary>Seconds with decimals, rounded up to whole milliseconds so a wait never ends before Discord's.</summary>
    public static TimeSpan? ParseSeconds(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? FromSeconds(seconds)
            : null;

    /// <summary>Seconds rounded up to whole milliseconds; decimal keeps 64.57 at exactly 64 570 ms.</summary>
    public static TimeSpan FromSeconds(decimal seconds) =>
        TimeSpan.FromMilliseconds((double)decimal.Ceiling(seconds * 1000m));

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
