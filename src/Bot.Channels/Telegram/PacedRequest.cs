namespace Bot.Channels.Telegram;

/// <summary>One request in <see cref="TelegramPacer"/>'s windows: under way since <see cref="At"/>, or answered at <see cref="At"/>.</summary>
internal sealed class PacedRequest
{
    public DateTimeOffset At { get; set; }

    public bool UnderWay { get; set; }
}
