using System.Text;
using Bot.IntegrationTests.Support;
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
                "99997 added, 0 reactivated, 0 unchanged, 1 duplicates merged, 2 invalid",
            ],
            result.OutputLines);
        Assert.Equal("0 added, 0 reactivated, 99997 unchanged, 1 duplicates merged, 2 invalid", again.OutputLines[^1]);
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
