using System.Text;
using Bot.Channels.Telegram;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary><c>bot run</c> as a process with a Telegram token, talking to the strict fake Bot API.</summary>
public sealed class RunTelegramTests : IAsyncLifetime
{
    private const string ChannelA = "-1001000000001";
    private const string ChannelB = "-1001000000002";
    private const long Admin = 42;
    private const long Stranger = 777;

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private FakeTelegramBotApi _api = null!;
    private BotProcess? _bot;

    public async Task InitializeAsync() => _api = await FakeTelegramBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _dir.Dispose();
    }

    private BotProcess StartBot() => TelegramBotRun.Start(
        _dir.Path,
        _api,
        _port,
        Admin,
        "--Telegram:Destinations:0:Name=news-a",
        $"--Telegram:Destinations:0:ChatId={ChannelA}",
        "--Telegram:Destinations:1:Name=news-b",
        $"--Telegram:Destinations:1:ChatId={ChannelB}");

    [Fact]
    public async Task Run_ReferenceArticle_LandsOnceInEachChannelAndReadsRight()
    {
        _bot = StartBot();
        await Eventually.HoldsAsync(() => Directory.Exists(_dir.Combine("data", "inbox")), "the inbox exists");

        File.Copy(Articles.SamplePath, _dir.Combine("data", "inbox", "quds.txt"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count > 0 && _api.VisibleMessages(ChannelB).Count > 0, "both channels announced");
        await Task.Delay(TimeSpan.FromSeconds(2));

        foreach (var chat in new[] { ChannelA, ChannelB })
        {
            var messages = _api.VisibleMessages(chat);
            Assert.Equal(messages.Count, _api.RequestsTo(chat).Count(r => r.Method is "sendMessage" or "sendPhoto" && r.StatusCode == 200));
            var text = string.Concat(messages.Select(m => m.Text));
            Assert.StartsWith("مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”", text.TrimStart());
            Assert.Contains("من أجل ”حشد الجهود وتعبئة الأمة واستنهاضها", text);
            Assert.Contains("Quds Press International news Agency", text);
        }
        Assert.DoesNotContain(_api.Token, _bot.Output + _bot.Error);
        Assert.DoesNotContain("TEST-token_secret", _bot.Output + _bot.Error);
    }

    [Fact]
    public async Task Run_AdminCommands_AnswerAdminsAndRefuseOthersWithoutChange()
    {
        _bot = StartBot();
        await Eventually.HoldsAsync(() => _api.Journal.Any(r => r.Method == "setMyCommands"), "the command menu is published");

        _api.InjectMessage(Stranger, Stranger, "/pause news-a");
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Stranger.ToString()).Count == 1, "the stranger is answered");
        _api.InjectMessage(Admin, Admin, "/pause news-b");
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Admin.ToString()).Count == 1, "the admin is answered");
        File.Copy(Articles.SamplePath, _dir.Combine("data", "inbox", "quds.txt"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count > 0, "the unpaused channel announced");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(TelegramCommandService.Refusal, _api.VisibleMessages(Stranger.ToString()).Single().Text);
        Assert.Empty(_api.VisibleMessages(ChannelB));
        var deliveries = await BotProcess.RunAsync(_dir.Path, "deliveries");
        var held = Assert.Single(deliveries.OutputLines, l => l.Contains("news-b", StringComparison.Ordinal));
        Assert.DoesNotContain("  sent  ", held);
    }

    /// <summary>
    /// A long article goes out as two messages, the second held back by the chat's budget, while a correction of the
    /// first paragraph arrives: subscribers end up seeing the correction, whole, and nothing of the first version.
    /// </summary>
    [Fact]
    public async Task Run_CorrectionBetweenTheParts_EveryMessageShowsTheCorrectionAndNoneIsSentTwice()
    {
        // One message per chat every 6 s: the second part waits long enough for the correction to be planned, even on a
        // loaded machine.
        _bot = TelegramBotRun.Start(_dir.Path, _api, _port, Admin,
            "--Telegram:Destinations:0:Name=news",
            $"--Telegram:Destinations:0:ChatId={ChannelA}",
            "--Delivery:Pacing:Channels:telegram:0:Scope=Channel", "--Delivery:Pacing:Channels:telegram:0:Limit=30", "--Delivery:Pacing:Channels:telegram:0:Window=00:00:01",
            "--Delivery:Pacing:Channels:telegram:1:Scope=Target", "--Delivery:Pacing:Channels:telegram:1:Limit=1", "--Delivery:Pacing:Channels:telegram:1:Window=00:00:06",
            "--Delivery:Pacing:Channels:telegram:2:Scope=Target", "--Delivery:Pacing:Channels:telegram:2:Limit=20", "--Delivery:Pacing:Channels:telegram:2:Window=00:01:00");
        var inbox = _dir.Combine("data", "inbox");
        await Eventually.HoldsAsync(() => Directory.Exists(inbox), "the inbox exists");

        Drop(inbox, "v1", Article("First version of the lead."));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count == 1, "the first part is out");
        Drop(inbox, "v2", Article("Corrected version of the lead."));

        await Eventually.HoldsAsync(
            () => _api.VisibleMessages(ChannelA) is { Count: 2 } shown && shown[0].Text.Contains("Corrected version", StringComparison.Ordinal),
            "both parts out, the first one corrected");
        await Task.Delay(TimeSpan.FromSeconds(5));

        var messages = _api.VisibleMessages(ChannelA);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.DoesNotContain("First version", m.Text, StringComparison.Ordinal));
        // v1's first part, deleted once v2 is known; then v2's two parts. Nothing else went out, and nothing is edited.
        var requests = _api.RequestsTo(ChannelA).Where(r => r.StatusCode == 200).Select(r => r.Method).ToList();
        Assert.Equal(["sendMessage", "deleteMessages", "sendMessage", "sendMessage"], requests);
        Assert.Single(_api.Messages, m => m.Chat == ChannelA && m.Deleted && m.Text.Contains("First version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CorrectionOfEveryPartOfALongArticle_EditsEachMessageOnce()
    {
        _bot = TelegramBotRun.Start(_dir.Path, _api, _port, Admin, "--Telegram:Destinations:0:Name=news", $"--Telegram:Destinations:0:ChatId={ChannelA}");
        var inbox = _dir.Combine("data", "inbox");
        await Eventually.HoldsAsync(() => Directory.Exists(inbox), "the inbox exists");
        Drop(inbox, "v1", Article("First version of the lead.", "Third paragraph."));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count == 2, "both parts out");

        Drop(inbox, "v2", Article("Corrected version of the lead.", "Corrected third paragraph."));

        await Eventually.HoldsAsync(
            () => _api.VisibleMessages(ChannelA) is { Count: 2 } shown && shown.All(m => m.Text.Contains("Corrected", StringComparison.Ordinal)),
            "both parts corrected");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var requests = _api.RequestsTo(ChannelA).Select(r => $"{r.Method} {r.StatusCode}").ToList();
        Assert.Equal(["sendMessage 200", "sendMessage 200", "editMessageText 200", "editMessageText 200"], requests);
    }

    private static void Drop(string inbox, string name, string text)
    {
        var staged = Path.Combine(inbox, "..", name + ".tmp");
        File.WriteAllText(staged, text);
        File.Move(staged, Path.Combine(inbox, name + ".md"));
    }

    /// <summary>Three paragraphs of about 1,800 characters: two Telegram messages, the lead paragraph in the first.</summary>
    private static string Article(string lead, string third = "Third paragraph.")
    {
        var filler = string.Concat(Enumerable.Repeat("The conference closed on Friday evening in Istanbul. ", 34));
        var text = new StringBuilder("---\nid: cut-short-1\ntitle: A long report\n---\n\n");
        text.Append(lead).Append(' ').Append(filler).Append("\n\n");
        text.Append("Second paragraph. ").Append(filler).Append("\n\n");
        text.Append(third).Append(' ').Append(filler).Append('\n');
        return text.ToString();
    }
}
