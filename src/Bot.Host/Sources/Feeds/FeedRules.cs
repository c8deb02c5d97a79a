using System.Globalization;
using Bot.Core.Articles.Feeds;

using Bot.Core.Articles;
using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// The rules for <c>Sources:Feeds:N</c>, shared by <c>bot check</c> and the guard in front of <c>bot run</c>, so
/// the poller only ever binds values these rules accepted.
/// </summary>
public static class FeedRules
{
    public const string Section = "Sources:Feeds";

    /// <summary>The most redirects a feed may be set to follow.</summary>
    public const int MaxRedirectsLimit = 20;

    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration)
    {
        var namespaces = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feed in configuration.GetSection(Section).GetChildren())
        {
            var name = feed["Name"];
            if (!string.IsNullOrWhiteSpace(name) && !ArticleOrigin.IsValidFeedName(name.Trim()))
            {
                yield return new($"'{name}' is not a feed name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most {ArticleOrigin.MaxFeedNameLength}", $"{feed.Path}:Name");
            }
            else if (!string.IsNullOrWhiteSpace(name) || Uri.TryCreate(feed["Url"], UriKind.Absolute, out _))
            {
                var key = string.IsNullOrWhiteSpace(name) ? FeedOptions.DefaultName(feed["Url"]!) : name.Trim();
                if (namespaces.TryGetValue(key, out var other))
                {
                    yield return new($"'{key}' is already the namespace of {other}; give each feed its own Name", $"{feed.Path}:Name");
                }
                else
                {
                    namespaces[key] = feed.Path;
                }
            }

            if (!Uri.TryCreate(feed["Url"], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new("must be an absolute http(s) URL", $"{feed.Path}:Url");
            }

            var interval = feed["Interval"];
            if (interval is not null && (!TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var span) || span <= TimeSpan.Zero))
            {
                yield return new($"'{interval}' is not a positive duration such as 00:05:00", $"{feed.Path}:Interval");
            }

            var backlog = feed["Backlog"];
            if (backlog is not null && (!int.TryParse(backlog, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                yield return new($"'{backlog}' is not a whole number of items (0 or more)", $"{feed.Path}:Backlog");
            }

            var timeout = feed["Timeout"];
            if (timeout is not null && (!TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var deadline) || deadline <= TimeSpan.Zero))
            {
                yield return new($"'{timeout}' is not a positive duration such as 00:00:30", $"{feed.Path}:Timeout");
            }

            var maxBytes = feed["MaxBytes"];
            if (maxBytes is not null && (!long.TryParse(maxBytes, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes is < 1 or > FeedReader.MaxDocumentBytes))
            {
                yield return new($"'{maxBytes}' is not a whole number of bytes from 1 to {FeedReader.MaxDocumentBytes}", $"{feed.Path}:MaxBytes");
            }

            // The binder drops a list entry it cannot convert without a word, which would silently stop polling the feed.
            var allowPrivate = feed["AllowPrivateNetwork"];
            if (allowPrivate is not null && !bool.TryParse(allowPrivate, out _))
            {
                yield return new($"value '{allowPrivate}' is not true or false", $"{feed.Path}:AllowPrivateNetwork");
            }

            var maxRedirects = feed["MaxRedirects"];
            if (maxRedirects is not null && (!int.TryParse(maxRedirects, NumberStyles.None, CultureInfo.InvariantCulture, out var redirects) || redirects > MaxRedirectsLimit))
            {
                yield return new($"'{maxRedirects}' is not a whole number of redirects from 0 to {MaxRedirectsLimit}", $"{feed.Path}:MaxRedirects");
            }
        }
    }
}
