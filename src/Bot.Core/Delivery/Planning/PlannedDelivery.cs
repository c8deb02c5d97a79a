namespace Bot.Core.Delivery.Planning;

/// <summary>One delivery to create; the store ignores it when the same six values exist already.</summary>
/// <param name="Recipient"><see cref="NoRecipient"/> for chats and channels; the email address of a list member, or the chat id of a private-chat subscriber.</param>
/// <param name="Generation">0 for what the planner creates; 1, 2, … for each re-publish of the article, which
/// announces it again where it was announced already.</param>
public sealed record PlannedDelivery(string ArticleKey, int ArticleVersion, string Destination, string Recipient, DeliveryKind Kind, int Generation = 0)
{
    /// <summary>The recipient of a delivery whose destination is a single chat or channel.</summary>
    public const string NoRecipient = "";
}
