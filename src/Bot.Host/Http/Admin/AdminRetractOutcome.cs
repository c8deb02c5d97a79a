using Bot.Core.Storage;

namespace Bot.Host.Http.Admin;

/// <summary>What <c>retract</c> did.</summary>
public abstract record AdminRetractOutcome
{
    private AdminRetractOutcome()
    {
    }

    /// <summary>A retracted version was stored; the dispatcher deletes the sent messages.</summary>
    public sealed record Retracted(ImportResult Version) : AdminRetractOutcome;

    public sealed record NotFound(string Key) : AdminRetractOutcome;

    public sealed record AlreadyRetracted(string Key, int Version) : AdminRetractOutcome;
}
