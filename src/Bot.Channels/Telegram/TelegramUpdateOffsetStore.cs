using System.Globalization;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Telegram;

/// <summary>
/// Where getUpdates resumes after a restart. Without it a new process polls without an offset and Telegram hands
/// back every update it has not seen confirmed, so a command answered just before a crash or redeploy would be
/// answered again. Kept in <c>bot_state</c> with the time it was written.
/// </summary>
/// <remarks>
/// An offset older than a day is not used: Telegram keeps unconfirmed updates for at most 24 hours, so it protects
/// nothing, and after a week without updates Telegram numbers the next one at random, possibly below it, which
/// would hide every new command. A store that fails is logged and polling goes on from memory.
/// </remarks>
public sealed class TelegramUpdateOffsetStore(IBotStateStore state, TimeProvider timeProvider, ILogger<TelegramUpdateOffsetStore> logger)
{
    public const string StateKey = "telegram.updates_offset";

    /// <summary>How long a stored offset is trusted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    /// <summary>The offset to poll from, or null to let Telegram start at the first unconfirmed update.</summary>
    public async Task<int?> LoadAsync(CancellationToken cancellationToken)
    {
        string? stored;
        try
        {
            stored = await state.GetAsync(StateKey, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            TelegramLog.OffsetStoreFailed(logger, exception, "read");
            return null;
        }

        var fields = stored?.Split(' ', 2);
        if (fields is not [var number, var at]
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var savedAt)
            || timeProvider.GetUtcNow() - savedAt > MaxAge)
        {
            return null;
        }

        return offset;
    }

    /// <summary>Records that every update before <paramref name="offset"/> was handled.</summary>
    public async Task SaveAsync(int offset, CancellationToken cancellationToken)
    {
        try
        {
            var value = offset.ToString(CultureInfo.InvariantCulture) + " " + timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            await state.SetAsync(StateKey, value, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            TelegramLog.OffsetStoreFailed(logger, exception, "written");
        }
    }
}
