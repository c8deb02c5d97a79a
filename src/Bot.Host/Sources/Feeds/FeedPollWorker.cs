using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// Polls every feed of <c>Sources:Feeds</c>: one loop per feed, the first fetch once the store is ready, then
/// one every <see cref="FeedOptions.Interval"/>. Nothing a feed does stops its loop or the host: a failed poll
/// is logged and the next one comes at the next interval.
/// </summary>
public sealed class FeedPollWorker(
    FeedPollCycle cycle,
    FeedStateStore states,
    StoreReadiness readiness,
    IOptions<SourcesOptions> options,
    TimeProvider timeProvider,
    ILogger<FeedPollWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = options.Value.Feeds;
        if (feeds.Count == 0) return;
        try
        {
            await readiness.WaitAsync(stoppingToken);
            await Task.WhenAll(feeds.Select(feed => PollForeverAsync(feed, stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollForeverAsync(FeedOptions feed, CancellationToken stoppingToken)
    {
        var address = FeedAddress.ForLog(feed.Url);
        FeedLog.Polling(logger, address, feed.Interval);
        FeedState? state = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                state ??= await states.LoadAsync(feed.Url, stoppingToken);
                state = await cycle.PollAsync(feed, state, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The store, not the feed: logged with its cause, and the validators were not moved on.
                FeedLog.PollFailed(logger, address, e);
            }

            await Task.Delay(feed.Interval, timeProvider, stoppingToken);
        }
    }
}
