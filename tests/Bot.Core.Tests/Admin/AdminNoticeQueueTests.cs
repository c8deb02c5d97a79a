using Bot.Core.Admin;
using Bot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Admin;

public sealed class AdminNoticeQueueTests : IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _stop = new();
    private readonly CollectingNoticeSink _sink;
    private readonly AdminNoticeQueue _queue;
    private readonly Task _running;

    public AdminNoticeQueueTests()
    {
        _sink = new CollectingNoticeSink(_clock);
        _queue = new AdminNoticeQueue(new AdminNoticeOptions { Window = Window }, _sink, _clock, NullLogger<AdminNoticeQueue>.Instance);
        _running = _queue.RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(Bound);
        _stop.Dispose();
    }

    private static AdminNotice Dead(string destination, int id) => new(AdminNoticeKind.DeliveryDead, destination, $"#{id} gave up");

    [Fact]
    public async Task BurstOfDeadLetters_OneMessageNowAndOneSummaryAfterTheWindow()
    {
        var start = _clock.GetUtcNow();

        _queue.Notify(Dead("news", 1));
        Assert.True(await _sink.Handled.WaitAsync(Bound));
        for (var id = 2; id <= 50; id++) _queue.Notify(Dead("news", id));
        await WaitForNextDueAsync();
        _clock.Advance(Window);
        Assert.True(await _sink.Handled.WaitAsync(Bound));

        Assert.Equal(
            [(start, new AdminNoticeDigest(AdminNoticeKind.DeliveryDead, "news", 1, "#1 gave up", start)),
             (start + Window, new AdminNoticeDigest(AdminNoticeKind.DeliveryDead, "news", 49, "#50 gave up", start))],
            _sink.Sent);
    }

    [Fact]
    public async Task SinkFails_NotifyStillReturnsAndLaterNoticesGoOut()
    {
        _sink.Failure = new HttpRequestException("admin chat unreachable");

        _queue.Notify(new AdminNotice(AdminNoticeKind.DestinationDisabled, "news", "kicked"));
        Assert.True(await _sink.Handled.WaitAsync(Bound));
        _sink.Failure = null;
        _queue.Notify(new AdminNotice(AdminNoticeKind.TargetMoved, "group", "-1002001"));
        Assert.True(await _sink.Handled.WaitAsync(Bound));

        var (_, digest) = Assert.Single(_sink.Sent);
        Assert.Equal((AdminNoticeKind.TargetMoved, "-1002001"), (digest.Kind, digest.LatestDetail));
    }

    // The queue reads notices on its own task: wait until it has folded them all and sleeps until the window ends.
    private async Task WaitForNextDueAsync()
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!_queue.IsIdleUntilWindowEnds)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
