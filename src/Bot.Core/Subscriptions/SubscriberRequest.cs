namespace Bot.Core.Subscriptions;

/// <summary>What recording a <c>POST /subscribe</c> left behind.</summary>
/// <param name="Status">The address's state after the request: pending, or active when it was already.</param>
/// <param name="Name">The name on record, for the greeting of the mail.</param>
/// <param name="MailDue">True when a mail answers this request; false while an earlier request's mail is recent.</param>
public sealed record SubscriberRequest(SubscriberStatus Status, string? Name, bool MailDue);
