using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bot.IntegrationTests.Fakes.Smtp;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Bot.IntegrationTests.Telegram;
using Xunit;

namespace Bot.IntegrationTests.ArticleApi;

/// <summary>
/// The whole <c>bot run</c> process taking an article by HTTP and announcing it to the strict fake Bot API (a private
/// supergroup by id and a public channel by username) and an email list on an in-process SMTP server.
/// </summary>
public sealed class RunArticleApiTests : IAsyncLifetime
{
    private const string DeskKey = "desk-key-0123456789abcdef";
    private const string Group = "-1001000000001";
    private const string Public = "@quds_news";

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private FakeTelegramBotApi _api = null!;
    private FakeSmtpServer _smtp = null!;
    private BotProcess? _bot;

    private string Root => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        _api = await FakeTelegramBotApi.StartAsync();
        _smtp = await FakeSmtpServer.StartAsync();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DeskKey);
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _smtp.DisposeAsync();
        await _api.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Run_ArticlePostedByTheApi_ReachesTelegramAndTheMailboxAndShowsItsLinks()
    {
        _dir.Write("config/appsettings.json", $$"""
            {
              "Http": { "Urls": "{{Root}}", "ApiKeys": [ { "Name": "desk", "Key": "{{DeskKey}}" } ] },
              "Sources": { "Seed": "" },
              "Delivery": { "PollInterval": "00:00:01" },
              "Telegram": {
                "ApiBaseUrl": "{{_api.BaseUrl}}",
                "Destinations": [ { "Name": "group", "ChatId": "{{Group}}" }, { "Name": "public", "ChatId": "{{Public}}" } ]
              },
              "Email": {
                "Smtp": { "Host": "127.0.0.1", "Port": {{_smtp.Port}}, "Security": "None" },
                "From": "وكالة قدس برس <news@qudspress.example>",
                "PublicBaseUrl": "https://news.example.org",
                "Destinations": [ { "Name": "أخبار" } ]
              }
            }
            """);
        var added = await BotProcess.RunAsync(_dir.Path, "subscribers", "add", "reader@example.org", "--name", "أحمد");
        Assert.True(added.ExitCode == 0, added.ToString());
        _bot = BotProcess.Start(_dir.Path, TelegramBotRun.Environment(_api), "run");
        await _bot.WaitUntilHealthyAsync(_port);

        var posted = await _http.PostAsync($"{Root}/api/articles", new StringContent(
            """{"id": "qp-2023-12", "title": "مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”", "url": "https://example.org/qp", "body": ["اختتمت مساء الجمعة أعمال المؤتمر.", "وأعلن المؤتمر بيانه الختامي."]}""",
            Encoding.UTF8,
            "application/json"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Group).Count == 1 && _api.VisibleMessages(Public).Count == 1, "both Telegram chats announced");
        await Eventually.HoldsAsync(() => _smtp.Messages.Count == 1, "the subscriber mailed");
        JsonNode? article = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                article = JsonNode.Parse(await _http.GetStringAsync($"{Root}/api/articles/qp-2023-12"));
                return article!["deliveries"]!.AsArray()
                    .Count(d => (string)d!["destination"]! is "group" or "public" or "أخبار" && (string)d["state"]! == "sent") == 3;
            },
            "the API shows three destinations sent");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("/api/articles/qp-2023-12", posted.Headers.Location?.OriginalString);
        Assert.Contains("وأعلن المؤتمر بيانه الختامي.", _api.VisibleMessages(Group).Single().Text);
        Assert.Equal(["reader@example.org"], _smtp.Messages.Single().EnvelopeTo);
        Assert.Contains("اختتمت مساء الجمعة أعمال المؤتمر.", _smtp.Messages.Single().Message.TextBody);
        var deliveries = article!["deliveries"]!.AsArray().ToDictionary(d => (string)d!["destination"]!);
        var groupMessage = _api.VisibleMessages(Group).Single().MessageId;
        var publicMessage = _api.VisibleMessages(Public).Single().MessageId;
        Assert.Equal([$"https://t.me/c/1000000001/{groupMessage}"], Links(deliveries["group"]!));
        Assert.Equal([$"https://t.me/quds_news/{publicMessage}"], Links(deliveries["public"]!));
        Assert.Equal(("email", "sent", 1), ((string)deliveries["أخبار"]!["channel"]!, (string)deliveries["أخبار"]!["state"]!, (int)deliveries["أخبار"]!["recipients"]!["sent"]!));
        Assert.Empty(Links(deliveries["أخبار"]!));
        Assert.DoesNotContain(DeskKey, _bot.Output + _bot.Error);
    }

    private static IEnumerable<string> Links(JsonNode delivery) => delivery["links"]!.AsArray().Select(l => (string)l!);
}
