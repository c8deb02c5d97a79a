using Bot.Core.Channels;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>What an outcome changes besides its delivery's row.</summary>
public abstract record OutcomeEffect
{
    /// <summary>Nothing goes to <paramref name="Target"/> (or, when null, anywhere on the channel) before <paramref name="Until"/>.</summary>
    public sealed record Hold(string Channel, string? Target, DateTimeOffset Until) : OutcomeEffect;

    /// <summary>The destination's single target is gone or refuses us: stop it until an admin resumes it.</summary>
    public sealed record DisableDestination(string Destination, string Reason) : OutcomeEffect;

    /// <summary>One member of a list is gone (a mailbox that does not exist, a chat that blocked the bot): it leaves the list.</summary>
    public sealed record RemoveMember(string Destination, Audience Audience, string Recipient, string Reason) : OutcomeEffect;

    /// <summary>The platform moved the destination's target to <paramref name="Address"/>.</summary>
    public sealed record MoveDestination(string Destination, string Address) : OutcomeEffect;

    /// <summary>The delivery is dead: the audit log says why, and the admins hear of it when <paramref name="TellAdmins"/>.</summary>
    public sealed record DeadLetter(string Destination, string Detail, bool TellAdmins) : OutcomeEffect;
}
