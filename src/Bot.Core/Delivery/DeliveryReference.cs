namespace Bot.Core.Delivery;

/// <summary>
/// Which delivery a channel call belongs to, for senders that want it: the Discord nonce, the dry-run file name,
/// log scopes. Senders must work without it.
/// </summary>
public sealed record DeliveryReference(long DeliveryId, string ArticleKey, int ArticleVersion, DeliveryKind Kind);
