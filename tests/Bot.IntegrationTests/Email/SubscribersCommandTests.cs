using System.Text;
using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary><c>bot subscribers</c> as an admin runs it: the real process on a fresh SQLite file.</summary>
public sealed class SubscribersCommandTests : IDisposable
{
    private const string TwoLists = """
        {
          "Email": {
            "Destinations": [
              { "Name": "أخبار", "Language": "ar" },
              { "Name": "sport", "Language": "en" }
            ]
          }
        }
        """;

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private Task<BotResult> BotAsync(params string[] args) => BotProcess.RunAsync(dir.Path, args);

    /// <summary>What the dispatcher does when a mailbox refuses mail for good; no verb does it.</summary>
    private async Task MarkBouncedAsync(string list, string email)
    {
        await using (var connection = new SqliteConnection($"Data Source={dir.Combine("data", "bot.db")}"))
        {
            await connection.ExecuteAsync("UPDATE subscribers SET status = 'bounced' WHERE list = @list AND email = @email", new { list, email });
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task AddListRemove_OneList_DefaultsToIt()
    {
        dir.Write("config/appsettings.json", """{ "Email": { "Destinations": [ { "Name": "news" } ] } }""");

        var added = await BotAsync("subscribers", "add", "Reader@Example.org", "--name", "أحمد");
        var again = await BotAsync("subscribers", "add", "reader@example.org");
        var listed = await BotAsync("subscribers", "list");
        var removed = await BotAsync("subscribers", "remove", "reader@example.org");
        var after = await BotAsync("subscribers", "list");
        var missing = await BotAsync("subscribers", "remove", "nobody@example.org");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal("added reader@example.org to news", Assert.Single(added.OutputLines));
        Assert.Equal("reader@example.org is already active on news", Assert.Single(again.OutputLines));
        Assert.Equal("reader@example.org\tactive\tnews\tأحمد", Assert.Single(listed.OutputLines));
        Assert.Equal("removed reader@example.org from 1 list", Assert.Single(removed.OutputLines));
        Assert.Equal("reader@example.org\tunsubscribed\tnews\tأحمد", Assert.Single(after.OutputLines));
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("bot: not subscribed: nobody@example.org", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public async Task Add_SeveralListsWithoutList_UserErrorNamingThem()
    {
        dir.Write("config/appsettings.json", TwoLists);

        var result = await BotAsync("subscribers", "add", "a@example.org");
        var unknown = await BotAsync("subscribers", "add", "a@example.org", "--list", "politics");
        var invalid = await BotAsync("subscribers", "add", "not-an-address", "--list", "sport");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: several email lists are configured; name one with --list (أخبار, sport)", Assert.Single(result.ErrorLines));
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("bot: no such email list: politics", Assert.Single(unknown.ErrorLines));
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal("bot: not a valid email address: not-an-address", Assert.Single(invalid.ErrorLines));
    }

    [Fact]
    public async Task Subscribers_NoEmailListConfigured_UserError()
    {
        var result = await BotAsync("subscribers", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: no email list is configured (Email:Destinations:N:Name)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Import_HundredThousandRows_InvalidLinesReportedDuplicatesMerged()
    {
        dir.Write("config/appsettings.json", TwoLists);
        var csv = new StringBuilder("email,name,list\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append(i switch
            {
                17 => "not-an-address,x,sport\n",
                18 => "r1@example.org,Duplicate,sport\n",
                19 => "r19@example.org,,politics\n",
                _ => $"r{i}@example.org,قارئ {i},{(i % 2 == 0 ? "أخبار" : "sport")}\n",
            });
        }

        var path = dir.Write("subscribers.csv", csv.ToString());

        var result = await BotAsync("subscribers", "import", path);
        var again = await BotAsync("subscribers", "import", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                $"{path}:19: invalid address 'not-an-address'",
                $"{path}:21: unknown list 'politics'",
                "99997 added, 0 activated, 0 unchanged, 0 kept unsubscribed, 0 kept bounced, 1 duplicates merged, 2 invalid",
            ],
            result.OutputLines);
        Assert.Equal("0 added, 0 activated, 99997 unchanged, 0 kept unsubscribed, 0 kept bounced, 1 duplicates merged, 2 invalid", again.OutputLines[^1]);
        await using (var connection = new SqliteConnection($"Data Source={dir.Combine("data", "bot.db")}"))
        {
            Assert.Equal(99_997, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM subscribers"));
            Assert.Equal(
                [("sport", "Duplicate")],
                (await connection.QueryAsync<(string, string)>("SELECT list, name FROM subscribers WHERE email = 'r1@example.org'")).ToList());
            Assert.Equal("قارئ 99999", await connection.ExecuteScalarAsync<string>("SELECT name FROM subscribers WHERE email = 'r99999@example.org'"));
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Import_UnsubscribedAndBouncedAddresses_KeptAndReportedEach()
    {
        dir.Write("config/appsettings.json", TwoLists);
        await BotAsync("subscribers", "add", "left@example.org", "--list", "sport");
        await BotAsync("subscribers", "remove", "left@example.org");
        await BotAsync("subscribers", "add", "dead@example.org", "--list", "أخبار");
        await MarkBouncedAsync("أخبار", "dead@example.org");
        await BotAsync("subscribers", "add", "here@example.org", "--list", "sport");
        var path = dir.Write("subscribers.csv", """
            email,name,list
            new@example.org,New,sport
            Left@Example.org,Back again,sport
            dead@example.org,,أخبار
            here@example.org,,sport
            """);

        var result = await BotAsync("subscribers", "import", path);
        var listed = await BotAsync("subscribers", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "kept unsubscribed: left@example.org on sport",
                "kept bounced: dead@example.org on أخبار",
                "1 added, 0 activated, 1 unchanged, 1 kept unsubscribed, 1 kept bounced, 0 duplicates merged, 0 invalid",
            ],
            result.OutputLines);
        Assert.Equal(
            [
                "here@example.org\tactive\tsport",
                "left@example.org\tunsubscribed\tsport",
                "new@example.org\tactive\tsport\tNew",
                "dead@example.org\tbounced\tأخبار",
            ],
            listed.OutputLines);
    }

    [Fact]
    public async Task Add_UnsubscribedOrBounced_KeptAndReported()
    {
        dir.Write("config/appsettings.json", """{ "Email": { "Destinations": [ { "Name": "news" } ] } }""");
        await BotAsync("subscribers", "add", "left@example.org");
        await BotAsync("subscribers", "remove", "left@example.org");
        await BotAsync("subscribers", "add", "dead@example.org");
        await MarkBouncedAsync("news", "dead@example.org");

        var left = await BotAsync("subscribers", "add", "left@example.org", "--name", "Back");
        var dead = await BotAsync("subscribers", "add", "dead@example.org");
        var listed = await BotAsync("subscribers", "list");

        Assert.Equal((0, "kept unsubscribed: left@example.org on news"), (left.ExitCode, Assert.Single(left.OutputLines)));
        Assert.Equal((0, "kept bounced: dead@example.org on news"), (dead.ExitCode, Assert.Single(dead.OutputLines)));
        Assert.Equal(["dead@example.org\tbounced\tnews", "left@example.org\tunsubscribed\tnews"], listed.OutputLines);
    }

    [Fact]
    public async Task Reactivate_BouncedComesBackOthersRefusedWithOneLine()
    {
        dir.Write("config/appsettings.json", """{ "Email": { "Destinations": [ { "Name": "news" } ] } }""");
        await BotAsync("subscribers", "add", "dead@example.org");
        await MarkBouncedAsync("news", "dead@example.org");
        await BotAsync("subscribers", "add", "left@example.org");
        await BotAsync("subscribers", "remove", "left@example.org");
        await BotAsync("subscribers", "add", "here@example.org");

        var dead = await BotAsync("subscribers", "reactivate", "Dead@Example.org");
        var left = await BotAsync("subscribers", "reactivate", "left@example.org");
        var here = await BotAsync("subscribers", "reactivate", "here@example.org");
        var unknown = await BotAsync("subscribers", "reactivate", "nobody@example.org");
        var listed = await BotAsync("subscribers", "list");

        Assert.True(dead.ExitCode == 0, dead.ToString());
        Assert.Equal("reactivated dead@example.org on news", Assert.Single(dead.OutputLines));
        Assert.Equal((1, "bot: left@example.org unsubscribed from news; only its own double opt-in (POST /subscribe) brings it back"), (left.ExitCode, Assert.Single(left.ErrorLines)));
        Assert.Equal((1, "bot: here@example.org is active on news, not bounced"), (here.ExitCode, Assert.Single(here.ErrorLines)));
        Assert.Equal((1, "bot: not on news: nobody@example.org"), (unknown.ExitCode, Assert.Single(unknown.ErrorLines)));
        Assert.Equal(["dead@example.org\tactive\tnews", "here@example.org\tactive\tnews", "left@example.org\tunsubscribed\tnews"], listed.OutputLines);
    }

    [Fact]
    public async Task Import_MissingFile_UserError()
    {
        dir.Write("config/appsettings.json", TwoLists);

        var result = await BotAsync("subscribers", "import", "missing.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: no such file: missing.csv", Assert.Single(result.ErrorLines));
    }
}
