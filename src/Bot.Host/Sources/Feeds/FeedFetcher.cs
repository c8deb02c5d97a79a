using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// Conditional GET of a feed within its limits (<see cref="FeedOptions.Timeout"/> over the whole exchange, body
/// included; <see cref="FeedOptions.MaxBytes"/>; <see cref="FeedOptions.MaxRedirects"/>, followed here so that
/// each hop is counted and connected through the <see cref="FeedConnector"/>). Expected failures come back as values.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
{
    /// <summary>The client for feeds that must be on public addresses.</summary>
    public const string HttpClientName = "feeds";

    /// <summary>The client for feeds with <see cref="FeedOptions.AllowPrivateNetwork"/>: its connections are never shared with the other's.</summary>
    public const string PrivateNetworkHttpClientName = "feeds-private-network";

    public const string UserAgent = "bot-news-announcer/1.0 (feed poller)";

    public async Task<FeedFetchResult> FetchAsync(FeedOptions feed, FeedState state, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(feed.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var http = httpClientFactory.CreateClient(feed.AllowPrivateNetwork ? PrivateNetworkHttpClientName : HttpClientName);
        try
        {
            var url = new Uri(feed.Url);
            for (var redirects = 0; ; redirects++)
            {
                using var request = Request(url, state);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (RedirectTarget(url, response) is { } next)
                {
                    if (redirects == feed.MaxRedirects) return new FeedFetchResult.Failed($"more than {feed.MaxRedirects} redirects");
                    if (url.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return new FeedFetchResult.Failed($"redirected from https to {next.Scheme}, which is refused");
                    }

                    url = next;
                    continue;
                }

                return await ReadAsync(response, feed.MaxBytes, linked.Token);
            }
        }
        catch (HttpRequestException e) when (e.InnerException is FeedAddressRefusedException refused)
        {
            return new FeedFetchResult.Failed(OneLine(refused.Message));
        }
        catch (HttpRequestException e)
        {
            return new FeedFetchResult.Failed(OneLine(e.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FeedFetchResult.Failed($"no complete answer within {feed.Timeout.TotalSeconds:0.#} s");
        }
        catch (IOException e)
        {
            return new FeedFetchResult.Failed(OneLine(e.Message));
        }
    }

    private static HttpRequestMessage Request(Uri url, FeedState state)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        if (state.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (state.LastModified is { } modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        return request;
    }

    /// <summary>Where a 3xx answer sends the next request; null for any other answer.</summary>
    private static Uri? RedirectTarget(Uri current, HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
        {
            return null;
        }

        var location = response.Headers.Location;
        if (location is null) return null;
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps ? next : throw new HttpRequestException($"redirected to a {next.Scheme}: address, which is refused");
    }

    private static async Task<FeedFetchResult> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FeedFetchResult.NotModified();
        }

        if (!response.IsSuccessStatusCode)
        {
            return new FeedFetchResult.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // Counted after decompression, and whatever Content-Length said: a chunked or compressed body has none to trust.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        return new FeedFetchResult.Fetched(
            buffer.ToArray(),
            response.Content.Headers.ContentType?.CharSet,
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"));
    }

    private static FeedFetchResult.Failed TooLarge(long maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the answer is larger than {maxBytes:N0} bytes (MaxBytes)"));

    private static string OneLine(string text) => ArticleImporter.OneLine(text);
}
