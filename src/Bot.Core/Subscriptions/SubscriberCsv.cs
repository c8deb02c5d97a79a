namespace Bot.Core.Subscriptions;

/// <summary>
/// A checked subscriber CSV: every line that was refused with its line number, and the rows to import, one per list
/// and address (later duplicates merged into the first: a name they give wins), read from the file again by
/// <see cref="RowsAsync"/>.
/// </summary>
public sealed class SubscriberCsv(
    IReadOnlyList<SubscriberCsvIssue> issues,
    int dataLines,
    int rowCount,
    int duplicates,
    Func<CancellationToken, IAsyncEnumerable<SubscriberImportRow>> rows)
{
    public IReadOnlyList<SubscriberCsvIssue> Issues { get; } = issues;

    /// <summary>Lines after the header that hold a row, valid or not.</summary>
    public int DataLines { get; } = dataLines;

    /// <summary>How many rows <see cref="RowsAsync"/> yields.</summary>
    public int RowCount { get; } = rowCount;

    public int Duplicates { get; } = duplicates;

    /// <summary>The rows, in file order, with the names their duplicates gave them; each call reads the file again.</summary>
    public IAsyncEnumerable<SubscriberImportRow> RowsAsync(CancellationToken cancellationToken) => rows(cancellationToken);
}
