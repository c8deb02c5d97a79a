using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Reads <c>email,name,list</c> CSV files (header row required, columns in any order, <c>name</c> and
/// <c>list</c> optional, RFC 4180 quoting). Pure: the caller opens the file and writes to the store.
/// </summary>
public static class SubscriberCsvReader
{
    /// <summary>
    /// Checks the whole file: every problem with its line, and which lines repeat an earlier list and address.
    /// The rows themselves are not kept: <see cref="SubscriberCsv.RowsAsync"/> reads the file again, so a list of
    /// a million addresses costs a hash of each, not the addresses.
    /// </summary>
    /// <param name="open">Opens the file; called once here and once for each reading of the rows.</param>
    /// <param name="lists">The email lists that exist (compared case-insensitively).</param>
    /// <param name="defaultList">The list for rows without one; null when every row must name its list.</param>
    /// <param name="onLine">Called with each line number read, for progress reporting.</param>
    /// <param name="expectedRows">How many rows the file holds, about; sizes the table of addresses seen.</param>
    public static async Task<SubscriberCsv> ReadAsync(
        Func<TextReader> open,
        IReadOnlyCollection<string> lists,
        string? defaultList,
        Action<int>? onLine,
        CancellationToken cancellationToken,
        int expectedRows = 0)
    {
        ArgumentNullException.ThrowIfNull(open);
        var issues = new List<SubscriberCsvIssue>();
        var firstLines = new Dictionary<UInt128, int>(expectedRows);
        var merged = new SubscriberCsvMerges();
        var dataLines = 0;
        var rows = 0;
        using (var reader = open())
        {
            await foreach (var line in LinesAsync(reader, lists, defaultList, onLine, cancellationToken).ConfigureAwait(false))
            {
                if (line.Issue is { } issue)
                {
                    issues.Add(issue);
                }

                if (line.IsData)
                {
                    dataLines++;
                }

                if (line.Row is not { } row)
                {
                    continue;
                }

                ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstLines, SubscriberCsvKey.Of(row.List, row.Email), out var seen);
                if (seen)
                {
                    merged.Add(row.Line, first, row.Name);
                    continue;
                }

                first = row.Line;
                rows++;
            }
        }

        return new SubscriberCsv(issues, dataLines, rows, merged.Count, token => RowsAsync(open, lists, defaultList, merged, token));
    }

    private static async IAsyncEnumerable<SubscriberImportRow> RowsAsync(
        Func<TextReader> open,
        IReadOnlyCollection<string> lists,
        string? defaultList,
        SubscriberCsvMerges merged,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = open();
        await foreach (var line in LinesAsync(reader, lists, defaultList, null, cancellationToken).ConfigureAwait(false))
        {
            if (line.Row is { } row && !merged.IsRepeat(row.Line))
            {
                yield return merged.NameFor(row.Line) is { } name ? row with { Name = name } : row;
            }
        }
    }

    /// <summary>Each line in turn: a valid row, a refused line with its reason, or nothing (blank line, header).</summary>
    private static async IAsyncEnumerable<SubscriberCsvLine> LinesAsync(
        TextReader reader,
        IReadOnlyCollection<string> lists,
        string? defaultList,
        Action<int>? onLine,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = lists.ToDictionary(l => l, l => l, StringComparer.OrdinalIgnoreCase);
        int? emailColumn = null, nameColumn = null, listColumn = null;
        var lineNumber = 0;

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            onLine?.Invoke(lineNumber);
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TrySplit(line, out var fields))
            {
                yield return SubscriberCsvLine.Refused(lineNumber, "unbalanced quotes", isData: false);
                if (emailColumn is null)
                {
                    yield break;
                }

                continue;
            }

            if (emailColumn is null)
            {
                var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                var email = header.IndexOf("email");
                if (email < 0)
                {
                    yield return SubscriberCsvLine.Refused(lineNumber, "the header row must name an 'email' column (email,name,list)", isData: false);
                    yield break;
                }

                emailColumn = email;
                nameColumn = header.IndexOf("name") is >= 0 and var n ? n : null;
                listColumn = header.IndexOf("list") is >= 0 and var l ? l : null;
                continue;
            }

            var address = Field(fields, emailColumn);
            if (!SubscriberAddress.IsValid(address))
            {
                yield return SubscriberCsvLine.Refused(lineNumber, $"invalid address '{address}'", isData: true);
                continue;
            }

            var listName = Field(fields, listColumn);
            if (string.IsNullOrEmpty(listName))
            {
                if (defaultList is null)
                {
                    yield return SubscriberCsvLine.Refused(lineNumber, "no list given and there is no single default list", isData: true);
                    continue;
                }

                listName = defaultList;
            }

            if (!known.TryGetValue(listName, out var list))
            {
                yield return SubscriberCsvLine.Refused(lineNumber, $"unknown list '{listName}'", isData: true);
                continue;
            }

            var name = Field(fields, nameColumn) is { Length: > 0 } given ? given : null;
            yield return SubscriberCsvLine.Valid(new SubscriberImportRow(lineNumber, list, SubscriberAddress.Normalize(address!), name));
        }

        if (emailColumn is null)
        {
            yield return SubscriberCsvLine.Refused(Math.Max(lineNumber, 1), "the file is empty; expected a header row email,name,list", isData: false);
        }
    }

    private static string? Field(List<string> fields, int? column) =>
        column is { } c && c < fields.Count ? fields[c].Trim() : null;

    private static bool TrySplit(string line, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return !quoted;
    }
}
