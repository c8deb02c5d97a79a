using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Reads <c>email,name,list</c> CSV files (header row required, columns in any order, <c>name</c> and
/// <c>list</c> optional, RFC 4180 quoting). Pure: the caller opens the file and writes to the store.
/// </summary>
public static class SubscriberCsvReader
{
    /// <param name="lists">The email lists that exist (compared case-insensitively).</param>
    /// <param name="defaultList">The list for rows without one; null when every row must name its list.</param>
    /// <param name="onLine">Called with each line number read, for progress reporting.</param>
    public static async Task<SubscriberCsv> ReadAsync(
        TextReader reader,
        IReadOnlyCollection<string> lists,
        string? defaultList,
        Action<int>? onLine,
        CancellationToken cancellationToken)
    {
        var rows = new List<SubscriberImportRow>();
        var issues = new List<SubscriberCsvIssue>();
        var seen = new Dictionary<(string List, string Email), int>();
        var known = lists.ToDictionary(l => l, l => l, StringComparer.OrdinalIgnoreCase);
        int? emailColumn = null, nameColumn = null, listColumn = null;
        var lineNumber = 0;
        var dataLines = 0;
        var duplicates = 0;

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
                issues.Add(new SubscriberCsvIssue(lineNumber, "unbalanced quotes"));
                if (emailColumn is null)
                {
                    break;
                }

                continue;
            }

            if (emailColumn is null)
            {
                var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                var email = header.IndexOf("email");
                if (email < 0)
                {
                    issues.Add(new SubscriberCsvIssue(lineNumber, "the header row must name an 'email' column (email,name,list)"));
                    break;
                }

                emailColumn = email;
                nameColumn = header.IndexOf("name") is >= 0 and var n ? n : null;
                listColumn = header.IndexOf("list") is >= 0 and var l ? l : null;
                continue;
            }

            dataLines++;
            var address = Field(fields, emailColumn);
            if (!SubscriberAddress.IsValid(address))
            {
                issues.Add(new SubscriberCsvIssue(lineNumber, $"invalid address '{address}'"));
                continue;
            }

            var listName = Field(fields, listColumn);
            if (string.IsNullOrEmpty(listName))
            {
                if (defaultList is null)
                {
                    issues.Add(new SubscriberCsvIssue(lineNumber, "no list given and there is no single default list"));
                    continue;
                }

                listName = defaultList;
            }

            if (!known.TryGetValue(listName, out var list))
            {
                issues.Add(new SubscriberCsvIssue(lineNumber, $"unknown list '{listName}'"));
                continue;
            }

            var normalized = SubscriberAddress.Normalize(address!);
            var name = Field(fields, nameColumn) is { Length: > 0 } given ? given : null;
            if (seen.TryGetValue((list, normalized), out var index))
            {
                duplicates++;
                if (name is not null)
                {
                    rows[index] = rows[index] with { Name = name };
                }

                continue;
            }

            seen[(list, normalized)] = rows.Count;
            rows.Add(new SubscriberImportRow(lineNumber, list, normalized, name));
        }

        if (emailColumn is null && issues.Count == 0)
        {
            issues.Add(new SubscriberCsvIssue(Math.Max(lineNumber, 1), "the file is empty; expected a header row email,name,list"));
        }

        return new SubscriberCsv(rows, issues, dataLines, duplicates);
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
