using System.Globalization;

namespace Bot.Core.Articles;

/// <summary>Parses the <c>published</c> field: an ISO 8601 date or date-time, always returned in UTC.</summary>
internal static class PublishedDate
{
    // K accepts "Z", an offset, or nothing; with AssumeUniversal, nothing means UTC and a bare date is midnight UTC.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string raw, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParseExact(
                raw.Trim(),
                Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }

        value = default;
        return false;
    }
}
