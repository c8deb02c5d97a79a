namespace Bot.Channels.Telegram;

/// <summary>
/// What <see cref="TelegramPacer"/> allows now: go (<see cref="IsGranted"/>), wait <see cref="Wait"/> and ask again,
/// or, when <see cref="IsBlocked"/>, stay away from the chat for <see cref="Wait"/> because Telegram said so.
/// </summary>
public readonly record struct TelegramPacing(TimeSpan Wait, bool IsBlocked)
{
    public static TelegramPacing Granted => default;

    public bool IsGranted => !IsBlocked && Wait <= TimeSpan.Zero;
}
