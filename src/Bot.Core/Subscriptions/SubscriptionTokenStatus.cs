namespace Bot.Core.Subscriptions;

public enum SubscriptionTokenStatus
{
    Valid,

    /// <summary>Not a token this bot could have issued (bad encoding, wrong length, unknown version).</summary>
    Malformed,

    /// <summary>The signature does not match: altered or made up.</summary>
    Forged,

    Expired,

    /// <summary>A confirm token used to unsubscribe or the other way round.</summary>
    WrongPurpose,

    /// <summary>Signed for another address or list than the one it is presented for.</summary>
    WrongSubscriber,
}
