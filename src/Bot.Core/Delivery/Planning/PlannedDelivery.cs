namespace Bot.Core.Delivery.Planning;

/// <summary>One delivery to create; the store ignores it when the same five values exist already.</summary>
/// <param name="Recipient"><see cref="NoRecipient"/> for chats and channels; the email address of a list member, or the chat id of a private-chat subscriber.</param>
public sealed record PlannedDelivery(string ArticleKey, int ArticleVersion, string Destination, string Recipient, DeliveryKind Kind)
{
    /// <summary>The recipient of a delivery whose destination is a single chat or channel.</summary>
    public const string NoRecipient = "";
}
