namespace Bot.Channels.Telegram;

/// <summary>
/// Sliding-window pacing for one bot: at most <see cref="TelegramLimitsOptions.GlobalPerSecond"/> requests in any
/// second overall, <see cref="TelegramLimitsOptions.PerChatPerMinute"/> in any minute to a group or channel and
/// <see cref="TelegramLimitsOptions.PrivateChatPerSecond"/> in any second to a private chat. A request is counted
/// when it is granted. A 429 blocks its chat until the server's <c>retry_after</c> has passed.
/// </summary>
/// <remarks>
/// Time comes only from the <see cref="TimeProvider"/>, so the numbers are testable on a fake clock; the token
/// buckets of System.Threading.RateLimiting read the real clock.
/// </remarks>
public sealed class TelegramPacer(TelegramLimitsOptions limits, TimeProvider timeProvider)
{
    private const int SweepThreshold = 4096;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> global = new();
    private readonly Dictionary<string, ChatWindow> chats = new(StringComparer.Ordinal);

    /// <summary>Counts a request to <paramref name="chat"/> if the budget allows it now; otherwise says how long to wait.</summary>
    public TelegramPacing TryAcquire(string chat)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var state = GetChat(chat);
            if (state.BlockedUntil > now)
            {
                return new TelegramPacing(state.BlockedUntil - now, IsBlocked: true);
            }

            var (limit, window) = IsPrivate(chat) ? (limits.PrivateChatPerSecond, Second) : (limits.PerChatPerMinute, Minute);
            var wait = Max(WaitFor(state.Granted, limit, window, now), WaitFor(global, limits.GlobalPerSecond, Second, now));
            if (wait > TimeSpan.Zero)
            {
                return new TelegramPacing(wait, IsBlocked: false);
            }

            state.Granted.Enqueue(now);
            global.Enqueue(now);
            return TelegramPacing.Granted;
        }
    }

    /// <summary>Keeps every request away from <paramref name="chat"/> for <paramref name="retryAfter"/> from now.</summary>
    public void Block(string chat, TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = timeProvider.GetUtcNow() + retryAfter;
            var state = GetChat(chat);
            if (until > state.BlockedUntil)
            {
                state.BlockedUntil = until;
            }
        }
    }

    /// <summary>How long <paramref name="chat"/> stays blocked by a 429, or <see langword="null"/> when it is not.</summary>
    public TimeSpan? BlockedFor(string chat)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            return chats.TryGetValue(chat, out var state) && state.BlockedUntil > now ? state.BlockedUntil - now : null;
        }
    }

    /// <summary>Private chats have positive ids; groups, supergroups and channels negative ids or an @username.</summary>
    public static bool IsPrivate(string chat) => long.TryParse(chat, out var id) && id > 0;

    private TimeSpan WaitFor(Queue<DateTimeOffset> granted, int limit, TimeSpan window, DateTimeOffset now)
    {
        while (granted.Count > 0 && granted.Peek() <= now - window)
        {
            granted.Dequeue();
        }

        // Only granted requests are queued and only while the window has room, so a full window holds exactly
        // `limit` entries and the oldest one leaving makes room.
        return granted.Count < Math.Max(limit, 1) ? TimeSpan.Zero : granted.Peek() + window - now + limits.WindowMargin;
    }

    private ChatWindow GetChat(string chat)
    {
        if (chats.TryGetValue(chat, out var state))
        {
            return state;
        }

        if (chats.Count >= SweepThreshold)
        {
            Sweep();
        }

        state = new ChatWindow();
        chats[chat] = state;
        return state;
    }

    private void Sweep()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (chat, state) in chats)
        {
            var window = IsPrivate(chat) ? Second : Minute;
            if (state.BlockedUntil <= now && (state.Granted.Count == 0 || state.Granted.Last() <= now - window))
            {
                chats.Remove(chat);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class ChatWindow
    {
        public Queue<DateTimeOffset> Granted { get; } = new();

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
