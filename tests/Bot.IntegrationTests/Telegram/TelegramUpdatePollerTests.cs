using System.Collections.Concurrent;
using Bot.Channels.Telegram;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot.Types;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramUpdatePollerTests : IAsyncLifetime
{
    private readonly ObservedTimeProvider clock = new();
    private readonly HttpClient http = TelegramClientFactory.CreateHttpClient(TimeSpan.FromSeconds(15));
    private readonly ConcurrentQueue<Update> handled = new();
    private readonly CancellationTokenSource stop = new();
    private FakeTelegramBotApi api = null!;
    private TelegramUpdatePoller poller = null!;

    public async Task InitializeAsync()
    {
        api = await FakeTelegramBotApi.StartAsync();
        var client = TelegramClientFactory.Create(new TelegramOptions { BotToken = api.Token, ApiBaseUrl = api.BaseUrl }, http);
        poller = new TelegramUpdatePoller(client, TimeSpan.FromSeconds(1), clock, NullLogger<TelegramUpdatePoller>.Instance, new FixedRandom(0.5));
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        http.Dispose();
        await api.DisposeAsync();
        stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_Updates_HandledInOrderAndConfirmedAfterHandling()
    {
        var first = api.InjectMessage(42, 42, "/help");
        api.InjectMessage(42, 42, "/status");
        var running = poller.RunAsync(Collect, stop.Token);

        await WaitUntilAsync(() => handled.Count == 2);
        await WaitUntilAsync(() => api.Journal.Count(r => r.Method == "getUpdates") >= 2);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(["/help", "/status"], handled.Select(u => u.Message!.Text));
        var second = api.Journal.Where(r => r.Method == "getUpdates").ElementAt(1);
        Assert.Equal(first + 2, second.Json!["offset"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_LaterUpdatesStillHandled()
    {
        api.InjectMessage(42, 42, "/boom");
        api.InjectMessage(42, 42, "/after");
        var running = poller.RunAsync(
            (update, token) => update.Message!.Text == "/boom" ? throw new InvalidOperationException("bug") : Collect(update, token),
            stop.Token);

        await WaitUntilAsync(() => handled.Count == 1);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("/after", Assert.Single(handled).Message!.Text);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(502)]
    public async Task RunAsync_PollFails_BacksOffOnTheClockThenRecovers(int status)
    {
        api.FailMethod("getUpdates", status == 409 ? FakeTelegramFailure.PollingConflict : FakeTelegramFailure.BadGateway, times: 1);
        var running = poller.RunAsync(Collect, stop.Token);
        await WaitUntilAsync(() => api.Journal.Count(r => r.Method == "getUpdates") == 1);
        await clock.WaitForTimersAsync(1);
        var pollsBeforeBackoffElapsed = api.Journal.Count(r => r.Method == "getUpdates");

        clock.Advance(TimeSpan.FromSeconds(1.1));
        api.InjectMessage(42, 42, "/status");
        await WaitUntilAsync(() => handled.Count == 1);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(1, pollsBeforeBackoffElapsed);
        Assert.Equal("/status", Assert.Single(handled).Message!.Text);
    }

    [Fact]
    public void Backoff_DoublesFromOneSecondUpToThirtyPlusJitter()
    {
        Assert.Equal(TimeSpan.FromSeconds(1.1), poller.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(2.2), poller.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(17.6), poller.Backoff(5));
        Assert.Equal(TimeSpan.FromSeconds(33), poller.Backoff(6));
        Assert.Equal(TimeSpan.FromSeconds(33), poller.Backoff(100));
    }

    private Task Collect(Update update, CancellationToken cancellationToken)
    {
        handled.Enqueue(update);
        return Task.CompletedTask;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
