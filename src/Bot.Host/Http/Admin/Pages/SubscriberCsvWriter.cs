using System.Text;
using Bot.Core.Subscriptions;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// Subscribers as CSV (RFC 4180, CRLF, header <c>email,name,list,state</c>) that a spreadsheet opens as data: a cell
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so a
/// subscriber's name can never run as a formula; a cell with a comma, quote or line break is quoted.
/// </summary>
public static class SubscriberCsvWriter
{
    public const string Header = "email,name,list,state";

    public static string Row(Subscriber subscriber) =>
        string.Join(',', Cell(subscriber.Email), Cell(subscriber.Name), Cell(subscriber.List), Cell(subscriber.Status.ToString().ToLowerInvariant()));

    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var subscriber in subscribers.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(subscriber));
        }
    }
}
