using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Bot.Core.Articles.Feeds;

namespace Bot.Host.Sources.Feeds;

/// <summary>Conditional GET of a feed on the <c>feeds</c> HttpClient; expected failures come back as values.</summary>
public sealed class FeedFetcher(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "feeds";

    /// <summary>How long one fetch may take, answer included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const string UserAgent = "bot-news-announcer/1.0 (feed poller)";

    public async Task<FeedFetchResult> FetchAsync(string url, FeedState state, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        if (state.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (state.LastModified is { } modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        var http = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FeedFetchResult.NotModified();
            }

            if (!response.IsSuccessStatusCode)
            {
                return new FeedFetchResult.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
            }

            if (response.Content.Headers.ContentLength > FeedReader.MaxDocumentBytes)
            {
                return TooLarge();
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > FeedReader.MaxDocumentBytes) return TooLarge();
                buffer.Write(chunk, 0, read);
            }

            return new FeedFetchResult.Fetched(
                buffer.ToArray(),
                response.Content.Headers.ContentType?.CharSet,
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R"));
        }
        catch (HttpRequestException e)
        {
            return new FeedFetchResult.Failed(OneLine(e.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FeedFetchResult.Failed($"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (IOException e)
        {
            return new FeedFetchResult.Failed(OneLine(e.Message));
        }
    }

    private static FeedFetchResult.Failed TooLarge() =>
        new($"the answer is larger than {FeedReader.MaxDocumentBytes / (1024 * 1024)} MB");

    private static string OneLine(string text) => ArticleImporter.OneLine(text);
}
