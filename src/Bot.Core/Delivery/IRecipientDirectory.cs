using Bot.Core.Rendering;

namespace Bot.Core.Delivery;

/// <summary>The subscribers of email lists, as the dispatcher needs them at send time.</summary>
public interface IRecipientDirectory
{
    /// <summary>The subscriber to personalise for; null when the address is no longer an active subscriber of the list.</summary>
    Task<EmailRecipient?> FindAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>The mailbox refused mail for good: the subscriber is marked bounced and gets nothing more.</summary>
    Task MarkBouncedAsync(string list, string email, string reason, CancellationToken cancellationToken);
}
