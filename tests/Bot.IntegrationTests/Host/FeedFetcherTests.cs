using System.Net;
using Bot.Host.Sources.Feeds;
using Bot.IntegrationTests.Fakes.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The limits of one fetch against a real local server: deadline, size, redirects and the addresses it may reach.</summary>
public sealed class FeedFetcherTests : IAsyncLifetime
{
    private static readonly string Document = RssDocument.Of("Desk", "en", new RssDocument.Item("a", "A", "<p>Body.</p>", new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero)));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedFeedHostResolver _dns = new(new Dictionary<string, IPAddress[]>
    {
        ["feeds.example.org"] = [IPAddress.Loopback],
        ["mapped.example.org"] = [IPAddress.Loopback.MapToIPv6()],
    });

    private ServiceProvider _services = null!;
    private FakeFeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeFeedServer.StartAsync();
        _server.Serve("/feed.xml", Document);
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<IFeedHostResolver>(_dns)
            .AddFeedPolling()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Fetch_BodyTrickledOneByteAtATime_IsCutOffAtTheDeadline()
    {
        _server.Trickle("/slow.xml", Document, TimeSpan.FromMilliseconds(20));
        var feed = Feed("/slow.xml");

        var fetch = Fetcher.FetchAsync(feed, FeedState.New, default);
        await Support.Eventually.HoldsAsync(() => _server.TrickledBytes >= 3, "the body has started to trickle");
        _time.Advance(FeedOptions.DefaultTimeout);
        var result = await fetch.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(new FeedFetchResult.Failed("no complete answer within 30 s"), result);
        Assert.True(_server.TrickledBytes < Document.Length, "the whole body never arrived");
    }

    [Fact]
    public async Task Fetch_ChunkedBodyLargerThanMaxBytes_Fails()
    {
        var feed = Feed("/feed.xml");
        feed.MaxBytes = 100;

        var result = await Fetcher.FetchAsync(feed, FeedState.New, default);

        Assert.Equal(new FeedFetchResult.Failed("the answer is larger than 100 bytes (MaxBytes)"), result);
    }

    [Fact]
    public async Task Fetch_TwoRedirects_FollowsThemWithinTheCap()
    {
        _server.Redirect("/old.xml", "/moved.xml", 301);
        _server.Redirect("/moved.xml", _server.Url("/feed.xml"), 307);
        var feed = Feed("/old.xml");
        feed.MaxRedirects = 2;

        var result = await Fetcher.FetchAsync(feed, FeedState.New, default);

        var fetched = Assert.IsType<FeedFetchResult.Fetched>(result);
        Assert.Equal(Document, System.Text.Encoding.UTF8.GetString(fetched.Content));
        Assert.Equal(["/old.xml", "/moved.xml", "/feed.xml"], _server.Journal.Select(r => r.Path));
    }

    [Fact]
    public async Task Fetch_MoreRedirectsThanTheCap_FailsWithoutFollowingTheLast()
    {
        _server.Redirect("/loop.xml", "/loop.xml");
        var feed = Feed("/loop.xml");

        var result = await Fetcher.FetchAsync(feed, FeedState.New, default);

        Assert.Equal(new FeedFetchResult.Failed("more than 5 redirects"), result);
        Assert.Equal(6, _server.Journal.Count);
    }

    [Fact]
    public async Task Fetch_LoopbackAddressWithoutTheAllowFlag_IsRefusedBeforeAnyRequest()
    {
        var feed = Feed("/feed.xml");
        feed.AllowPrivateNetwork = false;

        var result = await Fetcher.FetchAsync(feed, FeedState.New, default);

        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Equal("127.0.0.1 is at 127.0.0.1, which is not a public address (set AllowPrivateNetwork on the feed to allow it)", failed.Reason);
        Assert.Empty(_server.Journal);
    }

    [Theory]
    [InlineData("feeds.example.org", "127.0.0.1")]
    [InlineData("mapped.example.org", "::ffff:127.0.0.1")]
    public async Task Fetch_HostNameWhoseDnsAnswerIsNotPublic_IsRefused(string host, string address)
    {
        var feed = new FeedOptions { Url = $"http://{host}:{_server.BaseUrl.Port}/feed.xml" };

        var result = await Fetcher.FetchAsync(feed, FeedState.New, default);

        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.StartsWith($"{host} is at {address}, which is not a public address", failed.Reason);
        Assert.Empty(_server.Journal);
    }

    [Fact]
    public async Task Fetch_HostNameAllowedOnThePrivateNetwork_ConnectsToTheAddressItResolved()
    {
        var feed = new FeedOptions { Url = $"http://feeds.example.org:{_server.BaseUrl.Port}/feed.xml", AllowPrivateNetwork = true };

        var result = await Fetcher.FetchAsync(feed, FeedState.New, default);

        Assert.IsType<FeedFetchResult.Fetched>(result);
        Assert.Equal(1, _dns.Questions);
    }

    private FeedFetcher Fetcher => _services.GetRequiredService<FeedFetcher>();

    private FeedOptions Feed(string path) => new() { Url = _server.Url(path), AllowPrivateNetwork = true };
}
