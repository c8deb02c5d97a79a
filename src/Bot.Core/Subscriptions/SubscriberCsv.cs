namespace Bot.Core.Subscriptions;

/// <summary>
/// A parsed subscriber CSV: the rows to import, one per list and address (later duplicates merged into the
/// first: a name they give wins), and every line that was refused with its line number.
/// </summary>
public sealed record SubscriberCsv(IReadOnlyList<SubscriberImportRow> Rows, IReadOnlyList<SubscriberCsvIssue> Issues, int DataLines, int Duplicates);
