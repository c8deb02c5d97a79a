using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.Delivery;

/// <summary>
/// <c>bot run</c> killed with SIGKILL in the middle of an email fan-out, then started again: every recipient gets
/// the announcement, and only what was in flight at the kill may arrive twice.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Recipients = 2000;
    private const int BatchSize = 64;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string[] Args(int port) =>
    [
        "run",
        $"--Http:Urls=http://127.0.0.1:{port}",
        "--Sources:Seed=",
        "--Email:Destinations:0:Name=readers",
        "--Delivery:DryRunLatency=00:00:00.010",
        $"--Delivery:BatchSize={BatchSize}",
        "--Delivery:PollInterval=00:00:01",
        "--Delivery:Lease:Duration=00:00:03",
        "--Delivery:Pacing:Channels:email:0:Scope=Channel",
        "--Delivery:Pacing:Channels:email:0:Limit=1000000",
        "--Delivery:Pacing:Channels:email:0:Window=00:00:01",
    ];

    private string[] EmailFiles() =>
        Directory.Exists(_dir.Combine("data", "outbox", "email")) ? Directory.GetFiles(_dir.Combine("data", "outbox", "email"), "*.json") : [];

    [Fact]
    public async Task Run_KilledMidFanOut_RestartDeliversToEveryoneWithDuplicatesBoundedByInFlight()
    {
        var schema = await BotProcess.RunAsync(_dir.Path, "deliveries");
        Assert.True(schema.ExitCode == 0, schema.ToString());
        await using (var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(
                "INSERT INTO subscribers (list, email, status, created_at, updated_at) VALUES ('readers', @Email, 'active', '2026-11-30T00:00:00.000000Z', '2026-11-30T00:00:00.000000Z')",
                Enumerable.Range(1, Recipients).Select(i => new { Email = $"r{i:D4}@example.org" }), transaction);
            await transaction.CommitAsync();
        }

        var first = BotProcess.Start(_dir.Path, Args(FreePort.Next()));
        await Eventually.HoldsAsync(() => Directory.Exists(_dir.Combine("data", "inbox")), "the inbox exists");
        File.Copy(Articles.SamplePath, _dir.Combine("data", "inbox", "quds.txt"));
        await Eventually.HoldsAsync(() => EmailFiles().Length >= Recipients / 5, "the fan-out under way");
        System.Diagnostics.Process.GetProcessById(first.Id).Kill();
        var atKill = EmailFiles().Length;
        await first.DisposeAsync();

        await using var second = BotProcess.Start(_dir.Path, Args(FreePort.Next()));
        await Eventually.HoldsAsync(() => DistinctRecipients(EmailFiles()).Count == Recipients, "every recipient served", TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var files = EmailFiles();
        second.Terminate();
        await second.WaitForExitAsync();

        var duplicates = files.Length - DistinctRecipients(files).Count;
        output.WriteLine($"files at kill: {atKill}; after restart: {files.Length}; duplicates: {duplicates} (bound {BatchSize})");
        Assert.InRange(atKill, 1, Recipients - 1);
        Assert.Equal(Recipients, DistinctRecipients(files).Count);
        Assert.InRange(duplicates, 0, BatchSize);
    }

    private static HashSet<string> DistinctRecipients(string[] files) =>
        files.Select(f => Path.GetFileNameWithoutExtension(f)).Select(n => n[(n.IndexOf("-v1-", StringComparison.Ordinal) + 4)..])
            .Select(n => n.Split('-')[0]).ToHashSet();
}
