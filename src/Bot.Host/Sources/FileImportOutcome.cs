using Bot.Core.Articles;
using Bot.Core.Storage;

namespace Bot.Host.Sources;

/// <summary>What became of one article file or API body: stored (created, updated, unchanged or still retracted), or rejected with a reason.</summary>
public abstract record FileImportOutcome
{
    public sealed record Imported(ImportResult Result) : FileImportOutcome;

    /// <param name="Reason">One line, fit for a <c>.reason</c> file and the import report.</param>
    public sealed record Rejected(string Reason) : FileImportOutcome
    {
        /// <summary>Each refused field on its own (the HTTP API names them); empty when the file as a whole was refused.</summary>
        public IReadOnlyList<ArticleFieldError> Errors { get; init; } = [];
    }
}
