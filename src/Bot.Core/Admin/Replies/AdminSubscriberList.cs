namespace Bot.Core.Admin.Replies;

/// <summary>One email list's addresses by state.</summary>
public sealed record AdminSubscriberList(string Name, long Active, long Pending, long Bounced, long Unsubscribed);
