namespace Bot.Core.Delivery;

/// <summary>What a delivery does. Stored in lower case (<c>announce</c>, <c>edit</c>, <c>delete</c>, <c>correction</c>).</summary>
public enum DeliveryKind
{
    /// <summary>First announcement of an article to a destination or recipient.</summary>
    Announce,
    /// <summary>Edit the sent Telegram or Discord messages in place with a new version.</summary>
    Edit,
    /// <summary>Delete the sent Telegram or Discord messages of a retracted article.</summary>
    Delete,
    /// <summary>An email correction notice to a recipient who received the announcement.</summary>
    Correction,
}
