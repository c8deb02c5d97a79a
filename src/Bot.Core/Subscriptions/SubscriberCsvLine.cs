namespace Bot.Core.Subscriptions;

/// <summary>
/// One line of a subscriber CSV as read: a valid <see cref="Row"/>, or an <see cref="Issue"/>. <see cref="IsData"/>
/// says whether it counts as a data line (a row, valid or not, after the header).
/// </summary>
internal readonly record struct SubscriberCsvLine(SubscriberImportRow? Row, SubscriberCsvIssue? Issue, bool IsData)
{
    public static SubscriberCsvLine Valid(SubscriberImportRow row) => new(row, null, true);

    public static SubscriberCsvLine Refused(int line, string message, bool isData) => new(null, new SubscriberCsvIssue(line, message), isData);
}
