using Bot.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The verbs that are admin commands, through the real <c>bot</c> process and the one command set.</summary>
public sealed class CliAdminCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Retract_ImportedArticle_ExactLineAndAnAuditRowFromTheCli()
    {
        var path = _dir.Write("qp.md", "---\nid: qp-1\ntitle: Retracted by hand\n---\nThe body.\n");
        await BotProcess.RunAsync(_dir.Path, "import", path);

        var retract = await BotProcess.RunAsync(_dir.Path, "retract", "qp-1");
        var again = await BotProcess.RunAsync(_dir.Path, "retract", "qp-1");
        var shown = await BotProcess.RunAsync(_dir.Path, "articles", "qp-1");

        Assert.True(retract.ExitCode == 0, retract.ToString());
        Assert.Equal("qp-1  2  retracted  Retracted by hand\n", retract.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("", again.Output);
        Assert.Equal("bot: qp-1 is already retracted (version 2)", again.Error.Trim());
        Assert.Contains("retracted: yes", shown.OutputLines);
        Assert.Equal("no deliveries", shown.OutputLines[^1]);
        Assert.Equal(
            [
                ($"cli:{Environment.UserName}", "cli-command", "retract qp-1: retracted as version 2", "cli"),
                ($"cli:{Environment.UserName}", "cli-command", "retract qp-1: already retracted", "cli"),
            ],
            await AuditAsync());
    }

    [Fact]
    public async Task RetryAndDeliveries_EmptyStore_ExactLinesErrorsAndOnlyTheChangesAudited()
    {
        var all = await BotProcess.RunAsync(_dir.Path, "retry", "--dead");
        var one = await BotProcess.RunAsync(_dir.Path, "retry", "7");
        var listed = await BotProcess.RunAsync(_dir.Path, "deliveries");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal("0 deliveries queued again\n", all.Output);
        Assert.Equal(1, one.ExitCode);
        Assert.Equal("bot: delivery 7 is not dead (or does not exist)", one.Error.Trim());
        Assert.Equal("no deliveries\n", listed.Output);
        Assert.Equal(
            [
                ($"cli:{Environment.UserName}", "cli-command", "retry --dead: requeued 0", "cli"),
                ($"cli:{Environment.UserName}", "cli-command", "retry 7: requeued 0", "cli"),
            ],
            await AuditAsync());
    }

    private async Task<List<(string Actor, string Action, string Detail, string Origin)>> AuditAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor, action, detail, origin FROM audit_log ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
