using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.Delivery;

/// <summary>
/// <c>bot run</c> killed with SIGKILL in the middle of an email fan-out, then started again: every recipient gets
/// the announcement, and only what was in flight at the kill (claimed, its outcome not yet recorded) may arrive twice.
/// The kill lands while sends run, or while the outcomes wait to be written: the test holds SQLite's write lock, so the
/// host's recorder is stuck in its write, its sends go on until the pipeline is full, and the kill comes then.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Recipients = 2000;
    private const int BatchSize = 64;
    private const int MaxInFlight = 128;
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
        $"--Delivery:MaxInFlight={MaxInFlight}",
        "--Delivery:PollInterval=00:00:01",
        "--Delivery:Lease:Duration=00:00:03",
    ];

    private string[] EmailFiles() =>
        Directory.Exists(_dir.Combine("data", "outbox", "email")) ? Directory.GetFiles(_dir.Combine("data", "outbox", "email"), "*.json") : [];

    [Theory]
    [InlineData("sending")]
    [InlineData("recording")]
    public async Task Run_KilledMidFanOut_RestartDeliversToEveryoneWithDuplicatesBoundedByInFlight(string killedWhile)
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
        var blocker = killedWhile == "recording" ? await HoldWriteLockAsync() : null;
        var recordedAtKill = 0L;
        if (blocker is not null)
        {
            // Sends go on while the outcomes cannot be written, until the pipeline holds all it may.
            var before = EmailFiles().Length;
            await Eventually.HoldsAsync(() => EmailFiles().Length > before, "sends go on while recording waits");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        System.Diagnostics.Process.GetProcessById(first.Id).Kill();
        var atKill = EmailFiles().Length;
        await first.DisposeAsync();
        if (blocker is not null)
        {
            await blocker.DisposeAsync();
            recordedAtKill = await SentCountAsync();
        }

        await using var second = BotProcess.Start(_dir.Path, Args(FreePort.Next()));
        await Eventually.HoldsAsync(() => DistinctRecipients(EmailFiles()).Count == Recipients, "every recipient served", TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var files = EmailFiles();
        second.Terminate();
        await second.WaitForExitAsync();

        var duplicates = files.Length - DistinctRecipients(files).Count;
        output.WriteLine($"killed while {killedWhile}: files at kill {atKill}, recorded as sent {recordedAtKill}; after restart {files.Length}; duplicates {duplicates} (bound {MaxInFlight})");
        Assert.InRange(atKill, 1, Recipients - 1);
        Assert.Equal(Recipients, DistinctRecipients(files).Count);
        Assert.InRange(duplicates, 0, MaxInFlight);
        if (blocker is not null) Assert.True(atKill > recordedAtKill, "the kill came while sent outcomes waited to be recorded");
    }

    // A second writer holds SQLite's write lock: the host's writes (claims, outcomes) wait for it.
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("BEGIN IMMEDIATE");
        return connection;
    }

    private async Task<long> SentCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'");
    }

    private static HashSet<string> DistinctRecipients(string[] files) =>
        files.Select(f => Path.GetFileNameWithoutExtension(f)).Select(n => n[(n.IndexOf("-v1-", StringComparison.Ordinal) + 4)..])
            .Select(n => n.Split('-')[0]).ToHashSet();
}
