using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>
/// A getUpdates long-polling loop of our own. Telegram.Bot's receiver confirms an update before its handler has
/// run and polls again at once after an error, hammering an API that is down; here the offset moves on only after
/// the handler returned, and failures back off (capped, with jitter). A 409 Conflict (another poller or an old
/// process still polling during a redeploy) is waited out, not treated as fatal, so the bot never goes deaf.
/// With <paramref name="offsets"/> the offset also survives a restart.
/// </summary>
public sealed class TelegramUpdatePoller(
    ITelegramBotClient client,
    TimeSpan pollTimeout,
    TimeProvider timeProvider,
    ILogger<TelegramUpdatePoller> logger,
    Random? jitter = null,
    TelegramUpdateOffsetStore? offsets = null)
{
    /// <summary>First delay after a failed poll; it doubles with each further failure.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between failed polls.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message];

    private readonly Random random = jitter ?? Random.Shared;

    /// <summary>Polls until <paramref name="cancellationToken"/> fires, handing each update to <paramref name="handler"/> in order.</summary>
    public async Task RunAsync(Func<Update, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        int? offset = offsets is null ? null : await offsets.LoadAsync(cancellationToken);
        var failures = 0;
        var timeoutSeconds = Math.Max(0, (int)pollTimeout.TotalSeconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await client.GetUpdates(offset, limit: 100, timeout: timeoutSeconds, allowedUpdates: AllowedUpdates, cancellationToken: cancellationToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
            {
                failures++;
                var delay = Backoff(failures);
                var code = (exception as ApiRequestException)?.ErrorCode;
                if (code == 409)
                {
                    TelegramLog.PollConflict(logger, failures, delay);
                }
                else
                {
                    TelegramLog.PollFailed(logger, code, exception.GetType().Name, failures, delay);
                }

                try
                {
                    await Task.Delay(delay, timeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            foreach (var update in updates)
            {
                try
                {
                    await handler(update, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // A handler bug must not stall every later update behind this one: log it and move on.
                    TelegramLog.HandlerFailed(logger, exception, update.Id);
                }

                offset = update.Id + 1;
                if (offsets is not null)
                {
                    // Not cancellable: a stop during the handler must still record that its update was answered.
                    await offsets.SaveAsync(offset.Value, CancellationToken.None);
                }
            }
        }
    }

    /// <summary>Delay after the <paramref name="failures"/>-th failure in a row: 1 s, 2 s, 4 s … up to 30 s, plus up to 20 % jitter.</summary>
    public TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 10);
        var baseDelay = TimeSpan.FromTicks(Math.Min(FirstBackoff.Ticks << exponent, MaxBackoff.Ticks));
        return baseDelay + (baseDelay * (random.NextDouble() * 0.2));
    }
}
