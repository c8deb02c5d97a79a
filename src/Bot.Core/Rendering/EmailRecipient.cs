namespace Bot.Core.Rendering;

/// <summary>The subscriber an email is personalised for.</summary>
public sealed record EmailRecipient(string Email, string? Name, string? UnsubscribeUrl);
