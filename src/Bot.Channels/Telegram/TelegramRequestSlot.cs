namespace Bot.Channels.Telegram;

/// <summary>
/// A request <see cref="TelegramPacer.TryStart"/> let go: it counts as under way until disposed, then from the
/// moment it was disposed. Dispose it once the answer (or the failure) is in; disposing twice changes nothing.
/// </summary>
public sealed class TelegramRequestSlot : IDisposable
{
    private readonly TelegramPacer pacer;
    private readonly PacedRequest request;

    internal TelegramRequestSlot(TelegramPacer pacer, PacedRequest request)
    {
        this.pacer = pacer;
        this.request = request;
    }

    public void Dispose() => pacer.Finish(request);
}
