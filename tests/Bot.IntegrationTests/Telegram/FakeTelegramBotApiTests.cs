using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary>The fake is only useful if it refuses what Telegram refuses; these pin its strictness on the wire.</summary>
public sealed class FakeTelegramBotApiTests : IAsyncLifetime
{
    private const string Channel = "-1001";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new();
    private FakeTelegramBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeTelegramBotApi.StartAsync(new FakeTelegramBotApiOptions { Clock = clock, GroupPerMinute = 3 });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task AnyMethod_UnknownToken_401Unauthorized()
    {
        var (status, body) = await PostAsync("getMe", null, token: "42:nope");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", body.ToJsonString());
    }

    [Fact]
    public async Task GetMe_WithoutBody_ReturnsTheBot()
    {
        var (status, body) = await PostAsync("getMe", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(api.Options.BotUsername, body["result"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_UnsupportedTag_400WithTelegramsText()
    {
        var (status, body) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "سطر<br>سطر", ["parse_mode"] = "Html" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 6", body["description"]!.GetValue<string>());
        Assert.Empty(api.Messages);
    }

    [Fact]
    public async Task SendMessage_BareLessThanInHtml_Rejected()
    {
        var (status, _) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "5 < 6", ["parse_mode"] = "HTML" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task SendMessage_BareLessThanWithoutParseMode_Accepted()
    {
        var (status, _) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "5 < 6" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("5 < 6", Assert.Single(api.Messages).Text);
    }

    [Theory]
    [InlineData(4096, HttpStatusCode.OK)]
    [InlineData(4097, HttpStatusCode.BadRequest)]
    public async Task SendMessage_LengthCountedInCodePointsAfterParsing(int letters, HttpStatusCode expected)
    {
        // Each emoji is two UTF-16 units and each &amp; five raw characters, but one code point each to Telegram.
        var text = "<b>" + string.Concat(Enumerable.Repeat("😀", letters / 2)) + string.Concat(Enumerable.Repeat("&amp;", letters - (letters / 2))) + "</b>";

        var (status, body) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = text, ["parse_mode"] = "Html" });

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("Bad Request: message is too long", body["description"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task SendMessage_RawTextOver32KiB_TooLongEvenIfShortAfterParsing()
    {
        var text = "<b>x</b>" + new string(' ', 32768);

        var (status, body) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = text, ["parse_mode"] = "Html" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: message is too long", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendPhoto_CaptionOver1024_CaptionTooLong()
    {
        var (status, body) = await PostAsync("sendPhoto", new JsonObject { ["chat_id"] = -1001, ["photo"] = "https://example.org/p.jpg", ["caption"] = new string('ب', 1025) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: message caption is too long", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_GroupWindowFull_429WithRetryAfterUntilOldestLeaves()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "m" });
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var (status, body) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "m" });
        var (other, _) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1002, ["text"] = "m" });
        clock.Advance(TimeSpan.FromSeconds(30));
        var (after, _) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "m" });

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 30","parameters":{"retry_after":30}}""",
            body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, other);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task SendMessage_PrivateChatTwiceInASecond_429()
    {
        var (first, _) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = 42, ["text"] = "a" });
        var (second, body) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = 42, ["text"] = "b" });

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(1, body["parameters"]!["retry_after"]!.GetValue<int>());
    }

    [Fact]
    public async Task SendMessage_GlobalBudgetSpentAcrossChats_429ForTheNextChat()
    {
        await using var strict = await FakeTelegramBotApi.StartAsync(new FakeTelegramBotApiOptions { Clock = clock, GlobalPerSecond = 2 });
        var url = (string method) => new Uri(strict.BaseUrl, $"/bot{strict.Token}/{method}");

        using var first = await http.PostAsJsonAsync(url("sendMessage"), new JsonObject { ["chat_id"] = -1, ["text"] = "a" });
        using var second = await http.PostAsJsonAsync(url("sendMessage"), new JsonObject { ["chat_id"] = -2, ["text"] = "b" });
        using var third = await http.PostAsJsonAsync(url("sendMessage"), new JsonObject { ["chat_id"] = -3, ["text"] = "c" });
        clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await http.PostAsJsonAsync(url("sendMessage"), new JsonObject { ["chat_id"] = -3, ["text"] = "c" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { first, second, third, later }.Select(r => r.StatusCode));
    }

    [Fact]
    public void ScaleRateLimits_TenTimes_EveryLimitScaled()
    {
        var scaled = new FakeTelegramBotApiOptions().ScaleRateLimits(10);

        Assert.Equal((300, 200, 10), (scaled.GlobalPerSecond, scaled.GroupPerMinute, scaled.PrivatePerSecond));
    }

    [Fact]
    public async Task EditMessageText_IdenticalContent_NotModified()
    {
        await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -1001, ["text"] = "<b>x</b>", ["parse_mode"] = "Html" });

        var (same, body) = await PostAsync("editMessageText", new JsonObject { ["chat_id"] = -1001, ["message_id"] = 1, ["text"] = "<strong>x</strong>", ["parse_mode"] = "Html" });
        var (changed, _) = await PostAsync("editMessageText", new JsonObject { ["chat_id"] = -1001, ["message_id"] = 1, ["text"] = "<i>x</i>", ["parse_mode"] = "Html" });

        Assert.Equal(HttpStatusCode.BadRequest, same);
        Assert.StartsWith("Bad Request: message is not modified", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, changed);
    }

    [Fact]
    public async Task EditAndDelete_UnknownMessage_TelegramsTexts()
    {
        var (_, edit) = await PostAsync("editMessageText", new JsonObject { ["chat_id"] = -1001, ["message_id"] = 9, ["text"] = "x" });
        var (_, delete) = await PostAsync("deleteMessage", new JsonObject { ["chat_id"] = -1001, ["message_id"] = 9 });

        Assert.Equal("Bad Request: message to edit not found", edit["description"]!.GetValue<string>());
        Assert.Equal("Bad Request: message to delete not found", delete["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptedFailures_AnsweredWithParameters()
    {
        api.FailChat("-77", FakeTelegramFailure.MigratedTo(-10077), times: 1);

        var (status, body) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -77, ["text"] = "x" });
        var (next, _) = await PostAsync("sendMessage", new JsonObject { ["chat_id"] = -77, ["text"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-10077, body["parameters"]!["migrate_to_chat_id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, next);
    }

    [Fact]
    public async Task GetUpdates_LongPoll_ReturnsAsSoonAsAnUpdateIsInjected()
    {
        var polling = PostAsync("getUpdates", new JsonObject { ["timeout"] = 50 });
        await WaitUntilAsync(() => api.Journal.Count == 0 && !polling.IsCompleted);
        await Task.Delay(50);

        var id = api.InjectMessage(42, 42, "/status");
        var (status, body) = await polling.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, status);
        var update = Assert.Single(body["result"]!.AsArray())!;
        Assert.Equal(id, update["update_id"]!.GetValue<long>());
        Assert.Equal("bot_command", update["message"]!["entities"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUpdates_Offset_ConfirmsEarlierUpdatesAndHonoursLimit()
    {
        var first = api.InjectMessage(42, 42, "/a");
        api.InjectMessage(42, 42, "/b");
        api.InjectMessage(42, 42, "/c");

        var (_, limited) = await PostAsync("getUpdates", new JsonObject { ["limit"] = 2 });
        var (_, confirmed) = await PostAsync("getUpdates", new JsonObject { ["offset"] = first + 2 });
        var (_, again) = await PostAsync("getUpdates", new JsonObject());

        Assert.Equal(2, limited["result"]!.AsArray().Count);
        Assert.Equal(first + 2, Assert.Single(confirmed["result"]!.AsArray())!["update_id"]!.GetValue<long>());
        Assert.Single(again["result"]!.AsArray());
    }

    [Fact]
    public async Task GetUpdates_NothingArrives_EmptyAfterTheTimeout()
    {
        var (status, body) = await PostAsync("getUpdates", new JsonObject { ["timeout"] = 1 }).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body["result"]!.AsArray());
    }

    [Fact]
    public async Task GetUpdates_SecondPoller_FirstGets409Conflict()
    {
        var first = PostAsync("getUpdates", new JsonObject { ["timeout"] = 50 });
        await Task.Delay(200);

        var second = PostAsync("getUpdates", new JsonObject { ["timeout"] = 1 });
        var (status, body) = await first.WaitAsync(TimeSpan.FromSeconds(20));
        await second.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMyCommands_InvalidName_Rejected()
    {
        var good = new JsonArray(new JsonObject { ["command"] = "status", ["description"] = "حالة" });
        var bad = new JsonArray(new JsonObject { ["command"] = "Status!", ["description"] = "x" });

        var (ok, _) = await PostAsync("setMyCommands", new JsonObject { ["commands"] = good });
        var (rejected, _) = await PostAsync("setMyCommands", new JsonObject { ["commands"] = bad });

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.BadRequest, rejected);
        Assert.Equal("status", api.Commands[0]!["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task Journal_RecordsMethodChatBodyAndStatus()
    {
        await PostAsync("sendMessage", new JsonObject { ["chat_id"] = "@news", ["text"] = "x" });

        var request = Assert.Single(api.Journal);

        Assert.Equal(("sendMessage", "@news", 200, clock.GetUtcNow()), (request.Method, request.Chat, request.StatusCode, request.At));
        Assert.Equal("x", request.Json!["text"]!.GetValue<string>());
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string method, JsonObject? body, string? token = null)
    {
        var url = new Uri(api.BaseUrl, $"/bot{token ?? api.Token}/{method}");
        using var response = body is null ? await http.PostAsync(url, null) : await http.PostAsJsonAsync(url, body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
