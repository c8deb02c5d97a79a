using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bot.Host.Http.Articles;

/// <summary>
/// Article ids in the path of <c>/api/articles/{id}</c>. An id may hold '/' (a feed item's <c>@FEED/KEY</c>, a URL
/// key) and percent signs (an Arabic URL is percent-encoded), so a client escapes it as one path segment. Kestrel
/// decodes every escape except <c>%2F</c>, which makes <c>%252F</c> and <c>%2F</c> look alike in the route value;
/// the id is therefore decoded once, here, from the request target as it came on the wire.
/// </summary>
public static class ArticleIdPath
{
    public const string Prefix = "/api/articles/";

    /// <summary>Where the article with <paramref name="id"/> is: <c>/api/articles/ESCAPED-ID</c>.</summary>
    public static string Location(string id) => Prefix + Uri.EscapeDataString(id);

    /// <summary>The id of a request to <c>/api/articles/{id}</c> followed by <paramref name="suffix"/> (e.g. <c>/retract</c>).</summary>
    public static string Of(HttpContext context, string routeValue, string suffix = "")
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is not null)
        {
            var path = raw.Split('?', 2)[0];
            if (!path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute))
            {
                path = absolute.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped);
            }

            if (path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var segment = path[Prefix.Length..^suffix.Length];
                if (segment.Length > 0 && !segment.Contains('/')) return Uri.UnescapeDataString(segment);
            }
        }

        return routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }
}
