using System.Text;
using System.Text.Json;
using Bot.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using MimeKit;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary><c>bot preview</c> as a user runs it: a real process, the sample article, nothing sent or stored.</summary>
public sealed class PreviewCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string SampleTitle => File.ReadLines(Articles.SamplePath).First(l => l.Trim().Length > 0).Trim();

    [Fact]
    public async Task Preview_SampleFileForTelegram_PrintsSendMessageJsonWithTheArabicTitle()
    {
        var result = await PreviewSampleAsync("--channel", "telegram");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("== telegram: telegram (chat dry-run) ==", result.OutputLines[0]);
        Assert.Equal("POST sendMessage", result.OutputLines[1]);
        var bodies = JsonBodies(result.Output);
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.Equal("HTML", b.GetProperty("parse_mode").GetString()));
        Assert.Contains(SampleTitle, bodies[0].GetProperty("text").GetString());
        // Readable as written, not as \u escapes.
        Assert.Contains(SampleTitle, result.Output);
    }

    [Fact]
    public async Task Preview_ConfiguredTelegramDestination_NamesItAndUsesItsChatId()
    {
        var result = await PreviewSampleAsync("--destination", "news", "--Telegram:Destinations:0:Name=news", "--Telegram:Destinations:0:ChatId=-100123");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("== telegram: news (chat -100123) ==", result.OutputLines[0]);
        Assert.All(JsonBodies(result.Output), b => Assert.Equal(-100123, b.GetProperty("chat_id").GetInt64()));
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("== discord", StringComparison.Ordinal) || l.StartsWith("== email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_SubscribersByName_OnlyWhenNamedWithAPlaceholderChat()
    {
        var all = await PreviewSampleAsync("--channel", "telegram");
        var named = await PreviewSampleAsync("--destination", "telegram-subscribers");

        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.DoesNotContain(all.OutputLines, l => l.Contains("telegram-subscribers", StringComparison.Ordinal));
        Assert.Equal("== telegram: telegram-subscribers (chat SUBSCRIBER_CHAT_ID) ==", named.OutputLines[0]);
        Assert.All(JsonBodies(named.Output), b => Assert.Equal("SUBSCRIBER_CHAT_ID", b.GetProperty("chat_id").GetString()));
    }

    [Fact]
    public async Task Preview_DestinationWhoseFilterDoesNotMatch_SaysSoInTheHeader()
    {
        var result = await PreviewSampleAsync(
            "--channel",
            "telegram",
            "--Telegram:Destinations:0:Name=news-en",
            "--Telegram:Destinations:0:ChatId=-100123",
            "--Telegram:Destinations:0:Filter:Languages:0=en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("== telegram: news-en (chat -100123) (filter does not match: not sent) ==", result.OutputLines[0]);
    }

    [Fact]
    public async Task Preview_SampleFileForDiscord_AllowsNoMentions()
    {
        var result = await PreviewSampleAsync("--channel", "discord");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("== discord: ", result.OutputLines[0], StringComparison.Ordinal);
        var bodies = JsonBodies(result.Output);
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.Equal(0, b.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength()));
        Assert.Equal(SampleTitle, bodies[0].GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Preview_SampleFileForEmail_PrintsAMimeMessageWithArabicSubjectAndRtlHtml()
    {
        var result = await PreviewSampleAsync("--channel", "email", "--Email:PublicBaseUrl=https://news.example.org/");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("== email: email (sample recipient reader@example.invalid) ==", result.OutputLines[0]);
        var mime = result.Output[(result.Output.IndexOf('\n') + 1)..];
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mime));
        var message = await MimeMessage.LoadAsync(stream);
        Assert.Equal(SampleTitle, message.Subject);
        Assert.Equal("news@example.invalid", message.From.Mailboxes.Single().Address);
        Assert.Equal("reader@example.invalid", message.To.Mailboxes.Single().Address);
        Assert.Equal("<https://news.example.org/unsubscribe?token=preview>", message.Headers["List-Unsubscribe"]);
        var html = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "html"));
        Assert.Contains("dir=\"rtl\"", html.Text);
        Assert.Contains(SampleTitle, html.Text);
    }

    [Fact]
    public async Task Preview_DiscordWebhook_ShowsTheRouteWithoutTheToken()
    {
        var result = await PreviewSampleAsync(
            "--destination",
            "hook",
            "--Discord:Destinations:0:Name=hook",
            "--Discord:Destinations:0:WebhookUrl=https://discord.com/api/webhooks/42/secret-webhook-token");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("== discord: hook (webhook) ==", result.OutputLines[0]);
        Assert.Equal("POST /webhooks/42/***?wait=true", result.OutputLines[1]);
        Assert.DoesNotContain("secret-webhook-token", result.Output + result.Error);
    }

    [Fact]
    public async Task Preview_Twice_PrintsTheSameBytes()
    {
        var first = await PreviewSampleAsync("--channel", "discord");
        var second = await PreviewSampleAsync("--channel", "discord");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Preview_ImportedKey_PrintsEveryDestinationAndCreatesNoDeliveriesOrOutboxFiles()
    {
        var import = await BotProcess.RunAsync(_dir.Path, "import", Articles.SamplePath);
        Assert.True(import.ExitCode == 0, import.ToString());
        var key = import.OutputLines[0].Split(' ')[0];

        var result = await BotProcess.RunAsync(_dir.Path, "preview", key);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["== telegram: telegram (chat dry-run) ==", "== discord: discord (channel dry-run) ==", "== email: email (sample recipient reader@example.invalid) =="],
            result.OutputLines.Where(l => l.StartsWith("== ", StringComparison.Ordinal)));
        Assert.Contains(SampleTitle, JsonBodies(result.Output)[0].GetProperty("text").GetString());
        Assert.False(Directory.Exists(_dir.Combine("data", "outbox")), "preview writes nothing in the outbox");
        Assert.Equal(0, CountDeliveries());
    }

    [Theory]
    [InlineData("no article 'nope'", "nope")]
    [InlineData("unknown destination 'nowhere' (known: telegram, discord, email, telegram-subscribers)", "SAMPLE", "--destination", "nowhere")]
    [InlineData("Argument 'sms' not recognized", "SAMPLE", "--channel", "sms")]
    public async Task Preview_BadRequest_ExitsOneWithOneLine(string expected, params string[] args)
    {
        var result = await BotProcess.RunAsync(_dir.Path, ["preview", .. args.Select(a => a == "SAMPLE" ? Articles.SamplePath : a)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("bot: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task Preview_UnreadableFile_ExitsOneWithOneLine()
    {
        var path = _dir.Write("broken.json", Articles.BrokenJson);

        var result = await BotProcess.RunAsync(_dir.Path, "preview", path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"bot: {path}: ", line, StringComparison.Ordinal);
    }

    private Task<BotResult> PreviewSampleAsync(params string[] args) =>
        BotProcess.RunAsync(_dir.Path, ["preview", Articles.SamplePath, .. args]);

    /// <summary>The JSON object printed after each <c>POST</c> line.</summary>
    private static List<JsonElement> JsonBodies(string output)
    {
        var bodies = new List<JsonElement>();
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("POST ", StringComparison.Ordinal))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l == "}");
            bodies.Add(JsonDocument.Parse(string.Join('\n', lines[(i + 1)..(end + 1)])).RootElement.Clone());
        }

        return bodies;
    }

    private long CountDeliveries()
    {
        using var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deliveries";
        return (long)command.ExecuteScalar()!;
    }
}
