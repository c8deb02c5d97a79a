using Bot.Core.Subscriptions;
using Spectre.Console;

namespace Bot.Host.Cli;

/// <summary>
/// The work of <c>bot subscribers import</c>: read and check the whole file first (duplicates merge across the
/// whole file, and every problem is reported with its line), then read it again and write the valid rows in
/// batches, one transaction each, and report every unsubscribed or bounced address that was kept as it was. The file
/// is held open from the first reading to the last (<see cref="HeldInputFile"/>), so the rows written are the rows
/// checked.
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
        using var file = new HeldInputFile(path);
        var lines = CountLines(file.Rewound());
        var interactive = lines >= SubscribersCommand.ProgressThreshold && console.Profile.Capabilities.Interactive;
        SubscriberCsv csv = null!;
        var counts = SubscriberImportCounts.None;
        var kept = new List<string>();

        async Task ReadAsync(Action<int>? onLine)
        {
            csv = await SubscriberCsvReader.ReadAsync(
                file.OpenReader, lists, defaultList, onLine, cancellationToken, expectedRows: lines);
        }

        async Task WriteAsync(Action<int>? onRows)
        {
            file.EnsureUnchanged("nothing was written; import it again once it is complete");
            var written = 0;
            await foreach (var batch in csv.RowsAsync(cancellationToken).Chunk(SubscribersCommand.ImportBatchSize))
            {
                var outcomes = await store.AddActiveAsync(batch, cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    counts = counts.Plus(outcomes[i]);
                    if (outcomes[i] is SubscriberAdd.KeptUnsubscribed or SubscriberAdd.KeptBounced)
                    {
                        kept.Add(Kept(outcomes[i], batch[i].List, batch[i].Email));
                    }
                }

                written += batch.Length;
                onRows?.Invoke(batch.Length);
            }

            file.EnsureUnchanged($"{written} rows were written from it; import it again once it is complete");
        }

        if (interactive)
        {
            await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var reading = progress.AddTask("Reading", maxValue: Math.Max(lines, 1));
                await ReadAsync(line => reading.Value = line);
                reading.Value = reading.MaxValue;
                var writing = progress.AddTask("Writing", maxValue: Math.Max(csv.RowCount, 1));
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

        foreach (var line in kept)
        {
            output.WriteLine(line);
        }

        output.WriteLine(
            $"{counts.Added} added, {counts.Activated} activated, {counts.Unchanged} unchanged, {counts.KeptUnsubscribed} kept unsubscribed, " +
            $"{counts.KeptBounced} kept bounced, {csv.Duplicates} duplicates merged, {csv.Issues.Count} invalid");
        if (csv.RowCount == 0 && csv.Issues.Count > 0)
        {
            throw new UserErrorException($"nothing imported from {path}");
        }

        return 0;
    }

    /// <summary>The report line for an address an add left as it was: <c>kept unsubscribed: EMAIL on LIST</c>.</summary>
    public static string Kept(SubscriberAdd outcome, string list, string email) =>
        $"kept {(outcome == SubscriberAdd.KeptBounced ? "bounced" : "unsubscribed")}: {email} on {list}";

    private static int CountLines(Stream stream)
    {
        var count = 0;
        Span<byte> buffer = stackalloc byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            count += buffer[..read].Count((byte)'\n');
        }

        return count;
    }
}
