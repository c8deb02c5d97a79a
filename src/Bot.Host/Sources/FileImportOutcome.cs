using Bot.Core.Storage;

namespace Bot.Host.Sources;

/// <summary>What became of one article file: stored (created, updated or unchanged), or rejected with a reason.</summary>
public abstract record FileImportOutcome
{
    public sealed record Imported(ImportResult Result) : FileImportOutcome;

    /// <param name="Reason">One line, fit for a <c>.reason</c> file and the import report.</param>
    public sealed record Rejected(string Reason) : FileImportOutcome;
}
