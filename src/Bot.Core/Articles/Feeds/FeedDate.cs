using System.Globalization;
using System.ServiceModel.Syndication;

namespace Bot.Core.Articles.Feeds;

/// <summary>
/// Dates in feeds: RFC 822 in RSS (<c>Tue, 05 Dec 2023 14:30:00 +0300</c>, also with zone names and
/// two-digit years), RFC 3339 in Atom, and whatever a feed writes instead. The syndication reader refuses
/// the whole feed over one date it cannot read; this parser never refuses: an unreadable date is no date.
/// </summary>
public static class FeedDate
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy",
    ];

    /// <summary>The callback for the syndication formatters: always succeeds, with <c>default</c> for no date.</summary>
    public static bool Parse(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = TryParse(data.DateTimeString, out var parsed) ? parsed : default;
        return true;
    }

    public static bool TryParse(string? raw, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        var text = raw.Trim();
        var iso = text.Length >= 10 && text[..4].All(char.IsAsciiDigit) && text[4] == '-';
        if (iso && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        // RFC 822: the day name is optional and says nothing the date does not; the zone is a name or +hhmm.
        var comma = text.IndexOf(',');
        if (comma >= 0) text = text[(comma + 1)..].Trim();
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0)
        {
            var zone = parts[^1];
            if (Zones.TryGetValue(zone, out var offset))
            {
                parts[^1] = offset;
            }
            else if (zone.Length == 5 && zone[0] is '+' or '-' && zone[1..].All(char.IsAsciiDigit))
            {
                parts[^1] = $"{zone[..3]}:{zone[3..]}";
            }
        }

        if (DateTimeOffset.TryParseExact(
                string.Join(' ', parts), Rfc822Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        value = default;
        return false;
    }
}
