using System.Collections.Concurrent;
using Bot.Channels.Telegram;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot.Types;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary>The getUpdates offset kept in the store, so a restarted poller neither repeats nor loses updates.</summary>
public sealed class TelegramUpdateOffsetTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly ObservedTimeProvider clock = new();
    private readonly HttpClient http = TelegramClientFactory.CreateHttpClient(TimeSpan.FromSeconds(15));
    private readonly MemoryBotStateStore state = new();
    private readonly ConcurrentQueue<string> handled = new();
    private FakeTelegramBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeTelegramBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Restart_AfterHandlingBeforeConfirming_OldUpdateNotHandledAgainNewOneHandled()
    {
        // The confirming poll never reaches Telegram: only the stored offset tells the next process where to go on.
        api.HoldConfirmations = true;
        api.InjectMessage(42, 42, "/status");
        using (var first = new CancellationTokenSource())
        {
            var running = Poller().RunAsync((update, _) => { Handle(update); first.Cancel(); return Task.CompletedTask; }, first.Token);
            await running.WaitAsync(Bound);
        }

        var newest = api.InjectMessage(42, 42, "/destinations");
        using var second = new CancellationTokenSource();
        var again = Poller().RunAsync((update, _) => { Handle(update); return Task.CompletedTask; }, second.Token);
        await WaitUntilAsync(() => handled.Contains("/destinations"));
        await second.CancelAsync();
        await again.WaitAsync(Bound);

        Assert.Equal(["/status", "/destinations"], handled);
        Assert.Equal(newest, api.Journal.First(r => r.Method == "getUpdates" && r.Json?["offset"] is not null).Json!["offset"]!.GetValue<long>());
    }

    [Fact]
    public async Task Load_OffsetOlderThanADay_Ignored()
    {
        var offsets = new TelegramUpdateOffsetStore(state, clock, NullLogger<TelegramUpdateOffsetStore>.Instance);
        await offsets.SaveAsync(1005, CancellationToken.None);

        var fresh = await offsets.LoadAsync(CancellationToken.None);
        clock.Advance(TelegramUpdateOffsetStore.MaxAge + TimeSpan.FromSeconds(1));
        var stale = await offsets.LoadAsync(CancellationToken.None);

        Assert.Equal(1005, fresh);
        Assert.Null(stale);
    }

    [Fact]
    public async Task Load_Garbage_IgnoredNotThrown()
    {
        await state.SetAsync(TelegramUpdateOffsetStore.StateKey, "not an offset", CancellationToken.None);

        var offset = await new TelegramUpdateOffsetStore(state, clock, NullLogger<TelegramUpdateOffsetStore>.Instance).LoadAsync(CancellationToken.None);

        Assert.Null(offset);
    }

    // A new poller and client each time, as a new process would have; only the state store survives.
    private TelegramUpdatePoller Poller() => new(
        TelegramClientFactory.Create(new TelegramOptions { BotToken = api.Token, ApiBaseUrl = api.BaseUrl }, http),
        TimeSpan.FromSeconds(1),
        clock,
        NullLogger<TelegramUpdatePoller>.Instance,
        offsets: new TelegramUpdateOffsetStore(state, clock, NullLogger<TelegramUpdateOffsetStore>.Instance));

    private void Handle(Update update) => handled.Enqueue(update.Message!.Text!);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
