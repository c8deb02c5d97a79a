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
    private readonly List<FakeFeedRequest> _journal = [];
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

    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).AbsoluteUri;

    public static string ETagOf(string body) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
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

        lock (_gate)
        {
            _journal.Add(new FakeFeedRequest(
                path,
                context.Request.QueryString.Value ?? "",
                ifNoneMatch.Length > 0 ? ifNoneMatch : null,
                context.Request.Headers.IfModifiedSince.ToString() is { Length: > 0 } since ? since : null,
                context.Request.Headers.UserAgent.ToString(),
                status));
        }

        context.Response.StatusCode = status;
        if (etag is not null) context.Response.Headers.ETag = etag;
        if (status is 304 || document is null) return;
        context.Response.ContentType = document.Value.ContentType;
        await context.Response.WriteAsync(document.Value.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
