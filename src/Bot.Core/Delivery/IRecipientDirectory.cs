using Bot.Core.Rendering;

namespace Bot.Core.Delivery;

/// <summary>The subscribers of email lists, as the dispatcher needs them at send time.</summary>
public interface IRecipientDirectory
{
    /// <summary>The subscriber to personalise for; null when the address is no longer an active subscriber of the list.</summary>
    Task<EmailRecipient?> FindAsync(string list, string email, CancellationToken cancellationToken);

    /// <summary>
    /// The active subscribers among <paramref name="emails"/>, keyed by the address as asked; an address left out
    /// is looked up again with <see cref="FindAsync"/>. One query for a claimed batch instead of one per delivery.
    /// </summary>
    async Task<IReadOnlyDictionary<string, EmailRecipient>> FindManyAsync(string list, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EmailRecipient>(StringComparer.Ordinal);
        foreach (var email in emails)
        {
            if (await FindAsync(list, email, cancellationToken) is { } recipient) found[email] = recipient;
        }
        return found;
    }

    /// <summary>The mailbox refused mail for good: the subscriber is marked bounced and gets nothing more.</summary>
    Task MarkBouncedAsync(string list, string email, string reason, CancellationToken cancellationToken);
}
