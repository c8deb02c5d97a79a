using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// Polls every feed of <c>Sources:Feeds</c>: one loop per feed, on the one host elected to poll it
/// (<see cref="SingletonNames.Feed"/>), the first fetch once the store is ready and then one every
/// <see cref="FeedOptions.Interval"/>. Each fetch is recorded in the store on its clock, so a host that takes a feed
/// over waits for the rest of the interval instead of fetching at once: one fetch per interval, whatever the hosts.
/// Nothing a feed does stops its loop or the host: a failed poll is logged and the next one comes at the next interval.
/// </summary>
public sealed class FeedPollWorker(
    FeedPollCycle cycle,
    FeedStateStore states,
    StoreReadiness readiness,
    ILeaderElector elector,
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
            await Task.WhenAll(feeds.Select(feed => elector.RunWhileLeaderAsync(
                SingletonNames.Feed(feed.Origin.FeedName!),
                (lease, term) => PollWhileElectedAsync(feed, lease, term),
                e => FeedLog.PollFailed(logger, FeedAddress.ForLog(feed.Url), e),
                timeProvider,
                stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollWhileElectedAsync(FeedOptions feed, SingletonLease lease, CancellationToken term)
    {
        var address = FeedAddress.ForLog(feed.Url);
        FeedLog.Polling(logger, address, feed.Interval);
        if (lease.SinceLastRun is { } since && since < feed.Interval)
        {
            await Task.Delay(feed.Interval - since, timeProvider, term);
        }

        // Read afresh each term: the previous holder moved the validators on.
        FeedState? state = null;
        while (!term.IsCancellationRequested)
        {
            try
            {
                // Recorded before the fetch, so that a host dying during it does not make the next one fetch at once.
                if (!await elector.MarkRunAsync(lease, term)) return;
                state ??= await states.LoadAsync(feed.Url, term);
                state = await cycle.PollAsync(feed, state, term);
            }
            catch (Exception e) when (e is not OperationCanceledException || !term.IsCancellationRequested)
            {
                // The store, not the feed: logged with its cause, and the validators were not moved on.
                FeedLog.PollFailed(logger, address, e);
            }

            await Task.Delay(feed.Interval, timeProvider, term);
        }
    }
}
