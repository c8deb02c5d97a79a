using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.IntegrationTests.Fakes.Feeds;

/// <summary>
/// A web server on 127.0.0.1 that serves documents the test sets per path, answers <c>If-None-Match</c> with 304
/// when the document is unchanged (its ETag is a hash of the body), and journals every request.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (int Status, string ContentType, string Body)> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Status, string Location)> _redirects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Body, TimeSpan Every)> _trickles = new(StringComparer.Ordinal);
    private readonly List<FakeFeedRequest> _journal = [];
    private int _trickledBytes;
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<FakeFeedRequest> Journal
    {
        get
        {
            lock (_gate) return [.. _journal];
        }
    }

    public static async Task<FakeFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new FakeFeedServer { _app = builder.Build() };
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public void Serve(string path, string body, string contentType = "application/rss+xml; charset=utf-8", int status = 200)
    {
        lock (_gate) _documents[path] = (status, contentType, body);
    }

    /// <summary>Answers <paramref name="path"/> with a redirect to <paramref name="location"/> (absolute or relative).</summary>
    public void Redirect(string path, string location, int status = 302)
    {
        lock (_gate) _redirects[path] = (status, location);
    }

    /// <summary>Answers <paramref name="path"/> with 200 and headers at once, then the body one byte per <paramref name="every"/>.</summary>
    public void Trickle(string path, string body, TimeSpan every)
    {
        lock (_gate) _trickles[path] = (body, every);
    }

    /// <summary>How many body bytes the trickling answers have sent so far.</summary>
    public int TrickledBytes => Volatile.Read(ref _trickledBytes);

    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).AbsoluteUri;

    public static string ETagOf(string body) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        (int Status, string Location)? redirect;
        (string Body, TimeSpan Every)? trickle;
        lock (_gate)
        {
            redirect = _redirects.TryGetValue(path, out var r) ? r : null;
            trickle = _trickles.TryGetValue(path, out var t) ? t : null;
        }

        if (redirect is { } moved)
        {
            Record(context, path, moved.Status, ifNoneMatch: context.Request.Headers.IfNoneMatch.ToString());
            context.Response.StatusCode = moved.Status;
            context.Response.Headers.Location = moved.Location;
            return;
        }

        if (trickle is { } slow)
        {
            Record(context, path, 200, ifNoneMatch: "");
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            foreach (var b in Encoding.UTF8.GetBytes(slow.Body))
            {
                await Task.Delay(slow.Every, context.RequestAborted);
                await context.Response.Body.WriteAsync(new[] { b }, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                Interlocked.Increment(ref _trickledBytes);
            }

            return;
        }

        (int Status, string ContentType, string Body)? document;
        lock (_gate) document = _documents.TryGetValue(path, out var found) ? found : null;

        var status = document?.Status ?? 404;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        string? etag = null;
        if (document is { Status: 200 } served)
        {
            etag = ETagOf(served.Body);
            if (ifNoneMatch == etag) status = 304;
        }

        Record(context, path, status, ifNoneMatch);

        context.Response.StatusCode = status;
        if (etag is not null) context.Response.Headers.ETag = etag;
        if (status is 304 || document is null) return;
        context.Response.ContentType = document.Value.ContentType;
        await context.Response.WriteAsync(document.Value.Body);
    }

    private void Record(HttpContext context, string path, int status, string ifNoneMatch)
    {
        lock (_gate)
        {
            _journal.Add(new FakeFeedRequest(
                path,
                context.Request.QueryString.Value ?? "",
                ifNoneMatch.Length > 0 ? ifNoneMatch : null,
                context.Request.Headers.IfModifiedSince.ToString() is { Length: > 0 } since ? since : null,
                context.Request.Headers.UserAgent.ToString(),
                status,
                DateTimeOffset.UtcNow));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
