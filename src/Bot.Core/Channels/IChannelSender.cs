namespace Bot.Core.Channels;

/// <summary>
/// One platform. Implementations classify platform errors into <see cref="SendOutcome"/> values and never
/// sleep for a server-requested wait: they return it, and the engine schedules.
/// </summary>
public interface IChannelSender
{
    /// <summary>One of <see cref="ChannelNames"/>.</summary>
    string Channel { get; }

    /// <summary>
    /// Sends the parts of <paramref name="message"/> that are not sent yet: <paramref name="alreadySent"/> holds the
    /// remote ids of the first parts, which a previous, interrupted attempt delivered.
    /// </summary>
    Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces sent messages with a new rendering: edits them in place, sends extra parts when the new text needs
    /// more, deletes the surplus when it needs fewer. The outcome's ids are the new complete list.
    /// </summary>
    Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken);

    /// <summary>Deletes sent messages (a retraction). Already-missing messages count as deleted.</summary>
    Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken);
}
