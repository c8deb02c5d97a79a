using Bot.Core.Subscriptions;
using Spectre.Console;

namespace Bot.Host.Cli;

/// <summary>
/// The work of <c>bot subscribers import</c>: read and check the whole file first (duplicates merge across the
/// whole file, and every problem is reported with its line), then write the valid rows in batches, one
/// transaction each.
/// </summary>
public static class SubscriberImport
{
    public static async Task<int> RunAsync(
        IAnsiConsole console,
        TextWriter output,
        ISubscriberStore store,
        string path,
        IReadOnlyList<string> lists,
        string? defaultList,
        CancellationToken cancellationToken)
    {
        var lines = CountLines(path);
        var interactive = lines >= SubscribersCommand.ProgressThreshold && console.Profile.Capabilities.Interactive;
        SubscriberCsv csv = null!;
        var counts = SubscriberImportCounts.None;

        async Task ReadAsync(Action<int>? onLine)
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            csv = await SubscriberCsvReader.ReadAsync(reader, lists, defaultList, onLine, cancellationToken);
        }

        async Task WriteAsync(Action<int>? onRows)
        {
            foreach (var batch in csv.Rows.Chunk(SubscribersCommand.ImportBatchSize))
            {
                counts = counts.Plus(await store.AddActiveAsync(batch, cancellationToken));
                onRows?.Invoke(batch.Length);
            }
        }

        if (interactive)
        {
            await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var reading = progress.AddTask("Reading", maxValue: Math.Max(lines, 1));
                await ReadAsync(line => reading.Value = line);
                reading.Value = reading.MaxValue;
                var writing = progress.AddTask("Writing", maxValue: Math.Max(csv.Rows.Count, 1));
                await WriteAsync(n => writing.Increment(n));
                writing.Value = writing.MaxValue;
            });
        }
        else
        {
            await ReadAsync(null);
            await WriteAsync(null);
        }

        foreach (var issue in csv.Issues)
        {
            output.WriteLine($"{path}:{issue.Line}: {issue.Message}");
        }

        output.WriteLine($"{counts.Added} added, {counts.Updated} reactivated, {counts.Unchanged} unchanged, {csv.Duplicates} duplicates merged, {csv.Issues.Count} invalid");
        if (csv.Rows.Count == 0 && csv.Issues.Count > 0)
        {
            throw new UserErrorException($"nothing imported from {path}");
        }

        return 0;
    }

    private static int CountLines(string path)
    {
        var count = 0;
        using var stream = File.OpenRead(path);
        Span<byte> buffer = stackalloc byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            count += buffer[..read].Count((byte)'\n');
        }

        return count;
    }
}
