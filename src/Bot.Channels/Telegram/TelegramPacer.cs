namespace Bot.Channels.Telegram;

/// <summary>
/// Sliding-window pacing for one bot: at most <see cref="TelegramLimitsOptions.GlobalPerSecond"/> requests in any
/// second overall, <see cref="TelegramLimitsOptions.PerChatPerMinute"/> in any minute to a group or channel and
/// <see cref="TelegramLimitsOptions.PrivateChatPerSecond"/> in any second to a private chat. A 429 blocks its chat
/// until the server's <c>retry_after</c> has passed.
/// </summary>
/// <remarks>
/// <para>
/// A request started with <see cref="TryStart"/> holds its place in every window while it is under way and, once
/// its slot is disposed, counts from that moment. Telegram counts a request when it arrives, which is after we
/// sent it and before its answer came back, so a window we keep on answer times is never ahead of the server's,
/// however long the request queued in our process or on the network. Counted at the moment it was granted
/// instead, a request that took longer to arrive than the one after it could put one too many in the server's
/// window: under load that cost 429s.
/// </para>
/// <para>
/// Time comes only from the <see cref="TimeProvider"/>, so the numbers are testable on a fake clock; the token
/// buckets of System.Threading.RateLimiting read the real clock.
/// </para>
/// </remarks>
public sealed class TelegramPacer(TelegramLimitsOptions limits, TimeProvider timeProvider)
{
    private const int SweepThreshold = 4096;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly List<PacedRequest> global = [];
    private readonly Dictionary<string, ChatWindow> chats = new(StringComparer.Ordinal);

    /// <summary>Counts a request to <paramref name="chat"/> made and answered now if the budget allows it; otherwise says how long to wait.</summary>
    public TelegramPacing TryAcquire(string chat)
    {
        var pacing = TryStart(chat, out var slot);
        slot?.Dispose();
        return pacing;
    }

    /// <summary>
    /// Counts a request to <paramref name="chat"/> starting now if the budget allows it, as under way until
    /// <paramref name="slot"/> is disposed (when its answer, or its failure, is in); otherwise <paramref name="slot"/>
    /// is <see langword="null"/> and the result says how long to wait.
    /// </summary>
    public TelegramPacing TryStart(string chat, out TelegramRequestSlot? slot)
    {
        slot = null;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var state = GetChat(chat);
            if (state.BlockedUntil > now)
            {
                return new TelegramPacing(state.BlockedUntil - now, IsBlocked: true);
            }

            var (limit, window) = IsPrivate(chat) ? (limits.PrivateChatPerSecond, Second) : (limits.PerChatPerMinute, Minute);
            var wait = Max(WaitFor(state.Requests, limit, window, now), WaitFor(global, limits.GlobalPerSecond, Second, now));
            if (wait > TimeSpan.Zero)
            {
                return new TelegramPacing(wait, IsBlocked: false);
            }

            var request = new PacedRequest { At = now, UnderWay = true };
            state.Requests.Add(request);
            global.Add(request);
            slot = new TelegramRequestSlot(this, request);
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

    internal void Finish(PacedRequest request)
    {
        lock (gate)
        {
            if (request.UnderWay)
            {
                request.At = timeProvider.GetUtcNow();
                request.UnderWay = false;
            }
        }
    }

    private TimeSpan WaitFor(List<PacedRequest> requests, int limit, TimeSpan window, DateTimeOffset now)
    {
        requests.RemoveAll(r => !r.UnderWay && r.At <= now - window);
        var room = Math.Max(limit, 1);
        if (requests.Count < room)
        {
            return TimeSpan.Zero;
        }

        // A finished request leaves the window a window after its answer; one under way, a window after an answer
        // still to come, so no sooner than a window from now. The window has room once enough of them have left.
        var leaving = requests.Select(r => r.UnderWay ? now + window : r.At + window).Order().ElementAt(requests.Count - room);
        return leaving - now + limits.WindowMargin;
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
            if (state.BlockedUntil <= now && state.Requests.TrueForAll(r => !r.UnderWay && r.At <= now - window))
            {
                chats.Remove(chat);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class ChatWindow
    {
        public List<PacedRequest> Requests { get; } = [];

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
