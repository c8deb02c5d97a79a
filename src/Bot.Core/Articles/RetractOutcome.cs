using Bot.Core.Storage;

namespace Bot.Core.Articles;

/// <summary>What a request to retract an article came to.</summary>
public abstract record RetractOutcome
{
    /// <summary>Retracted now, as the new version in <paramref name="Version"/>.</summary>
    public sealed record Retracted(ImportResult Version) : RetractOutcome;

    /// <summary>The latest version, <paramref name="Version"/>, is a retraction already; nothing changed.</summary>
    public sealed record AlreadyRetracted(string Id, int Version) : RetractOutcome;

    public sealed record NotFound(string Id) : RetractOutcome;
}
