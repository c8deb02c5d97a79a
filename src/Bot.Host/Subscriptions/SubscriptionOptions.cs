namespace Bot.Host.Subscriptions;

/// <summary>The subscription settings of the <c>Email</c> section that the email channel itself does not use.</summary>
public sealed class SubscriptionOptions
{
    /// <summary>
    /// <c>Email:TokenKey</c>: signs confirm and unsubscribe links; base64 of at least 32 bytes or a text of at
    /// least 32 characters. Null: generated on first use and kept in the store. Never logged.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>
    /// <c>Email:PreviousTokenKeys:N</c>: keys that signed links before <see cref="TokenKey"/> replaced them. They
    /// only verify, so links already in mailboxes keep working after a rotation. Same format; never logged.
    /// </summary>
    public List<string> PreviousTokenKeys { get; set; } = [];
}
