namespace Bot.Core.Subscriptions;

/// <summary>Which mail answers a subscription request.</summary>
public enum ConfirmationKind
{
    /// <summary>The double opt-in mail; its link confirms.</summary>
    Confirm,

    /// <summary>
    /// The address is on the list already: the mail says so and offers the unsubscribe link. Sent so that a known
    /// address gets a mail just as an unknown one does, and the request path does the same work for both.
    /// </summary>
    AlreadySubscribed,
}
