namespace Bot.Core.Admin;

/// <summary>What happened that the admins must hear about.</summary>
public enum AdminNoticeKind
{
    /// <summary>A permanent failure (bot kicked, no rights, chat gone) stopped a destination.</summary>
    DestinationDisabled,

    /// <summary>A delivery gave up after its attempts, or was rejected for good.</summary>
    DeliveryDead,

    /// <summary>The platform moved the target (a group became a supergroup) and the bot follows it.</summary>
    TargetMoved,
}
