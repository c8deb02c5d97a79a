namespace Bot.Core.Delivery.Planning;

/// <summary>Whom an email fan-out reaches.</summary>
public enum FanOutSource
{
    /// <summary>Every active subscriber of the list.</summary>
    ActiveSubscribers,
    /// <summary>Every recipient whose announcement of the article was sent (for corrections).</summary>
    AnnouncedRecipients,
}
