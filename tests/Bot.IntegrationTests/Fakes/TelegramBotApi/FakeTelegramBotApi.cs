using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>
/// An in-process Bot API on loopback that is as strict as Telegram where our bot can go wrong: tokens, HTML
/// parse mode, lengths, rate limits, edits of unchanged content. It journals every request and keeps the current
/// state of every message, so a test asserts on what a subscriber would see.
/// </summary>
public sealed partial class FakeTelegramBotApi : IAsyncDisposable
{
    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private readonly Lock gate = new();
    private readonly WebApplication app;
    private readonly List<FakeTelegramRequest> journal = [];
    private readonly Dictionary<(string Chat, int Id), FakeTelegramMessage> messages = [];
    private readonly Dictionary<string, int> lastMessageId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FakeTelegramFailure Failure, int Left)> chatFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FakeTelegramFailure Failure, int Left)> methodFailures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<DateTimeOffset> globalWindow = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> chatWindows = new(StringComparer.Ordinal);
    private readonly List<JsonObject> updates = [];
    private long nextUpdateId = 1000;
    private TaskCompletionSource<bool>? pollWaiter;
    private JsonArray commands = [];

    private FakeTelegramBotApi(WebApplication app, FakeTelegramBotApiOptions options)
    {
        this.app = app;
        Options = options;
    }

    public FakeTelegramBotApiOptions Options { get; }

    /// <summary>
    /// When set, an offset no longer deletes earlier updates: as if every confirming poll was lost with a crash, so
    /// a poller that starts without an offset gets them all again.
    /// </summary>
    public bool HoldConfirmations { get; set; }

    /// <summary>Root to give Telegram.Bot as its base URL (scheme and authority only).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string Token => Options.Tokens[0];

    public IReadOnlyList<FakeTelegramRequest> Journal
    {
        get
        {
            lock (gate)
            {
                return journal.ToArray();
            }
        }
    }

    /// <summary>Every message ever created, deleted ones included, in creation order per chat.</summary>
    public IReadOnlyList<FakeTelegramMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.Values.OrderBy(m => m.Chat, StringComparer.Ordinal).ThenBy(m => m.MessageId).ToArray();
            }
        }
    }

    /// <summary>The commands of the last setMyCommands call.</summary>
    public JsonArray Commands
    {
        get
        {
            lock (gate)
            {
                return (JsonArray)commands.DeepClone();
            }
        }
    }

    public static async Task<FakeTelegramBotApi> StartAsync(FakeTelegramBotApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTelegramBotApi(app, options ?? new FakeTelegramBotApiOptions());
        app.MapPost("/bot{token}/{method}", (HttpContext context, string token, string method) => fake.HandleAsync(context, token, method));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    /// <summary>The messages a subscriber of <paramref name="chat"/> sees now, oldest first.</summary>
    public IReadOnlyList<FakeTelegramMessage> VisibleMessages(string chat) =>
        Messages.Where(m => m.Chat == chat && !m.Deleted).ToArray();

    public FakeTelegramMessage? Message(string chat, int messageId)
    {
        lock (gate)
        {
            return messages.GetValueOrDefault((chat, messageId));
        }
    }

    /// <summary>Requests that named <paramref name="chat"/>, in arrival order.</summary>
    public IReadOnlyList<FakeTelegramRequest> RequestsTo(string chat) => Journal.Where(r => r.Chat == chat).ToArray();

    /// <summary>Answers the next <paramref name="times"/> requests that name <paramref name="chat"/> with <paramref name="failure"/>.</summary>
    public void FailChat(string chat, FakeTelegramFailure failure, int times = int.MaxValue)
    {
        lock (gate)
        {
            chatFailures[chat] = (failure, times);
        }
    }

    /// <summary>Answers the next <paramref name="times"/> calls of <paramref name="method"/> with <paramref name="failure"/>.</summary>
    public void FailMethod(string method, FakeTelegramFailure failure, int times = 1)
    {
        lock (gate)
        {
            methodFailures[method] = (failure, times);
        }
    }

    public void ClearFailures()
    {
        lock (gate)
        {
            chatFailures.Clear();
            methodFailures.Clear();
        }
    }

    /// <summary>Queues an update for getUpdates (its <c>update_id</c> is assigned here) and wakes a waiting long poll.</summary>
    public long InjectUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        TaskCompletionSource<bool>? waiter;
        long id;
        lock (gate)
        {
            id = nextUpdateId++;
            update["update_id"] = id;
            updates.Add(update);
            waiter = pollWaiter;
            pollWaiter = null;
        }

        waiter?.TrySetResult(true);
        return id;
    }

    /// <summary>Queues a text message from a user, with a <c>bot_command</c> entity when it starts with '/'.</summary>
    public long InjectMessage(long chatId, long fromUserId, string text, string chatType = "private")
    {
        ArgumentNullException.ThrowIfNull(text);
        var chat = new JsonObject { ["id"] = chatId, ["type"] = chatType };
        if (chatType == "private")
        {
            chat["first_name"] = "User";
        }
        else
        {
            chat["title"] = "Group";
        }

        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(chatId.ToString(CultureInfo.InvariantCulture)),
            ["date"] = Options.Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = chat,
            ["from"] = new JsonObject { ["id"] = fromUserId, ["is_bot"] = false, ["first_name"] = "User" },
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var end = text.IndexOfAny([' ', '\n']);
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
        }

        return InjectUpdate(new JsonObject { ["message"] = message });
    }

    public async ValueTask DisposeAsync()
    {
        TaskCompletionSource<bool>? waiter;
        lock (gate)
        {
            waiter = pollWaiter;
            pollWaiter = null;
        }

        waiter?.TrySetResult(true);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        JsonObject json;
        try
        {
            json = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            json = [];
        }

        var chat = ChatKey(json["chat_id"]);
        Reply reply;
        if (!Options.Tokens.Contains(token))
        {
            reply = Error(FakeTelegramFailure.Unauthorized);
        }
        else if (method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase))
        {
            reply = await GetUpdatesAsync(json, context.RequestAborted);
        }
        else
        {
            lock (gate)
            {
                reply = Dispatch(method, chat, json);
            }
        }

        lock (gate)
        {
            journal.Add(new FakeTelegramRequest(method, chat, body, Options.Clock.GetUtcNow(), reply.Status));
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body.ToJsonString(), context.RequestAborted);
    }

    private Reply Dispatch(string method, string? chat, JsonObject json)
    {
        var name = method.ToLowerInvariant();
        if (TakeFailure(methodFailures, method) is { } scripted)
        {
            return Error(scripted);
        }

        if (name is "sendmessage" or "sendphoto" or "editmessagetext" or "editmessagecaption" or "deletemessage" or "deletemessages" or "getchat")
        {
            if (chat is null)
            {
                return Error(new FakeTelegramFailure(400, "Bad Request: chat_id is empty"));
            }

            if (TakeFailure(chatFailures, chat) is { } failure)
            {
                return Error(failure);
            }

            if (name != "getchat" && Options.EnforceRateLimits && RateLimit(chat) is { } limited)
            {
                return Error(limited);
            }
        }

        return name switch
        {
            "getme" => Ok(new JsonObject
            {
                ["id"] = Options.BotId,
                ["is_bot"] = true,
                ["first_name"] = "News",
                ["username"] = Options.BotUsername,
                ["can_join_groups"] = true,
            }),
            "sendmessage" => Send(chat!, json, photo: false),
            "sendphoto" => Send(chat!, json, photo: true),
            "editmessagetext" => Edit(chat!, json, caption: false),
            "editmessagecaption" => Edit(chat!, json, caption: true),
            "deletemessage" => DeleteOne(chat!, json),
            "deletemessages" => DeleteMany(chat!, json),
            "getchat" => Ok(ChatJson(chat!, full: true)),
            "setmycommands" => SetCommands(json),
            "deletewebhook" => Ok(true),
            _ => Error(new FakeTelegramFailure(404, "Not Found")),
        };
    }

    private Reply Send(string chat, JsonObject json, bool photo)
    {
        string? photoUrl = null;
        if (photo)
        {
            photoUrl = json["photo"]?.GetValueKind() == JsonValueKind.String ? json["photo"]!.GetValue<string>() : null;
            if (string.IsNullOrEmpty(photoUrl))
            {
                return Error(new FakeTelegramFailure(400, "Bad Request: there is no photo in the request"));
            }
        }

        var raw = String(json, photo ? "caption" : "text") ?? string.Empty;
        var parsed = ParseContent(raw, String(json, "parse_mode"), photo, out var failure);
        if (failure is not null)
        {
            return Error(failure);
        }

        var id = NextMessageId(chat);
        var message = new FakeTelegramMessage(chat, id, parsed!.Text, raw, parsed.Entities, photoUrl, PreviewDisabled(json), Deleted: false, Edits: 0);
        messages[(chat, id)] = message;
        return Ok(MessageJson(message));
    }

    private Reply Edit(string chat, JsonObject json, bool caption)
    {
        if (json["message_id"] is null)
        {
            return Error(new FakeTelegramFailure(400, "Bad Request: message identifier is not specified"));
        }

        var id = json["message_id"]!.GetValue<int>();
        if (!messages.TryGetValue((chat, id), out var message) || message.Deleted)
        {
            return Error(new FakeTelegramFailure(400, "Bad Request: message to edit not found"));
        }

        if (caption != message.IsPhoto)
        {
            return Error(new FakeTelegramFailure(400, caption ? "Bad Request: there is no caption in the message to edit" : "Bad Request: there is no text in the message to edit"));
        }

        var raw = String(json, caption ? "caption" : "text") ?? string.Empty;
        var parsed = ParseContent(raw, String(json, "parse_mode"), caption, out var failure);
        if (failure is not null)
        {
            return Error(failure);
        }

        if (parsed!.Text == message.Text && parsed.Entities.SequenceEqual(message.Entities))
        {
            return Error(new FakeTelegramFailure(400, NotModified));
        }

        var edited = message with { Text = parsed.Text, RawText = raw, Entities = parsed.Entities, LinkPreviewDisabled = PreviewDisabled(json), Edits = message.Edits + 1 };
        messages[(chat, id)] = edited;
        return Ok(MessageJson(edited));
    }

    private Reply DeleteOne(string chat, JsonObject json)
    {
        var id = json["message_id"]?.GetValue<int>() ?? 0;
        if (!messages.TryGetValue((chat, id), out var message) || message.Deleted)
        {
            return Error(new FakeTelegramFailure(400, "Bad Request: message to delete not found"));
        }

        messages[(chat, id)] = message with { Deleted = true };
        return Ok(true);
    }

    private Reply DeleteMany(string chat, JsonObject json)
    {
        var ids = json["message_ids"] as JsonArray;
        if (ids is null || ids.Count == 0)
        {
            return Error(new FakeTelegramFailure(400, "Bad Request: message identifiers are not specified"));
        }

        if (ids.Count > 100)
        {
            return Error(new FakeTelegramFailure(400, "Bad Request: too many message identifiers specified"));
        }

        foreach (var node in ids)
        {
            var id = node!.GetValue<int>();
            if (messages.TryGetValue((chat, id), out var message))
            {
                messages[(chat, id)] = message with { Deleted = true };
            }
        }

        return Ok(true);
    }

    private Reply SetCommands(JsonObject json)
    {
        if (json["commands"] is not JsonArray list || list.Count > 100)
        {
            return Error(new FakeTelegramFailure(400, "Bad Request: commands are not specified"));
        }

        foreach (var command in list)
        {
            var name = command?["command"]?.GetValue<string>() ?? string.Empty;
            var description = command?["description"]?.GetValue<string>() ?? string.Empty;
            if (!CommandName().IsMatch(name))
            {
                return Error(new FakeTelegramFailure(400, "Bad Request: BOT_COMMAND_INVALID"));
            }

            if (description.Length is < 1 or > 256)
            {
                return Error(new FakeTelegramFailure(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"));
            }
        }

        commands = (JsonArray)list.DeepClone();
        return Ok(true);
    }

    private async Task<Reply> GetUpdatesAsync(JsonObject json, CancellationToken aborted)
    {
        var offset = json["offset"]?.GetValue<long>();
        var limit = Math.Clamp(json["limit"]?.GetValue<int>() ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, json["timeout"]?.GetValue<int>() ?? 0));
        if (timeout > Options.MaxLongPoll)
        {
            timeout = Options.MaxLongPoll;
        }

        TaskCompletionSource<bool> waiter;
        lock (gate)
        {
            if (TakeFailure(methodFailures, "getUpdates") is { } scripted)
            {
                return Error(scripted);
            }

            // A newer poll ends the one still waiting, as Telegram does.
            pollWaiter?.TrySetResult(false);
            pollWaiter = null;
            Confirm(offset);
            var ready = Pending(offset, limit);
            if (ready.Count > 0 || timeout == TimeSpan.Zero)
            {
                return Ok(ready);
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            pollWaiter = waiter;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timer.CancelAfter(timeout);
        var woken = await waiter.Task.WaitAsync(timer.Token).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : (bool?)null, TaskScheduler.Default);
        lock (gate)
        {
            if (pollWaiter == waiter)
            {
                pollWaiter = null;
            }

            return woken == false ? Error(FakeTelegramFailure.PollingConflict) : Ok(Pending(offset, limit));
        }
    }

    private void Confirm(long? offset)
    {
        if (HoldConfirmations)
        {
            return;
        }

        if (offset is > 0)
        {
            updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
        }
        else if (offset is < 0)
        {
            var keep = (int)Math.Min(-offset.Value, updates.Count);
            updates.RemoveRange(0, updates.Count - keep);
        }
    }

    private JsonArray Pending(long? offset, int limit)
    {
        var result = new JsonArray();
        foreach (var update in updates.Where(u => offset is not > 0 || u["update_id"]!.GetValue<long>() >= offset).Take(limit))
        {
            result.Add(update.DeepClone());
        }

        return result;
    }

    private TelegramHtmlParseResult? ParseContent(string raw, string? parseMode, bool caption, out FakeTelegramFailure? failure)
    {
        var tooLong = caption ? "Bad Request: message caption is too long" : "Bad Request: message is too long";
        failure = null;
        if (Encoding.UTF8.GetByteCount(raw) > Options.MaxRawBytes)
        {
            failure = new FakeTelegramFailure(400, tooLong);
            return null;
        }

        var parsed = string.Equals(parseMode, "html", StringComparison.OrdinalIgnoreCase)
            ? TelegramHtmlValidator.Parse(raw)
            : TelegramHtmlValidator.Plain(raw);
        if (!parsed.IsValid)
        {
            failure = new FakeTelegramFailure(400, parsed.Description!);
            return null;
        }

        if (!caption && parsed.Text.Length == 0)
        {
            failure = new FakeTelegramFailure(400, "Bad Request: message text is empty");
            return null;
        }

        if (parsed.CodePoints > (caption ? Options.MaxCaptionLength : Options.MaxTextLength))
        {
            failure = new FakeTelegramFailure(400, tooLong);
            return null;
        }

        return parsed;
    }

    private FakeTelegramFailure? RateLimit(string chat)
    {
        var now = Options.Clock.GetUtcNow();
        var isPrivate = long.TryParse(chat, out var id) && id > 0;
        var (limit, window) = isPrivate ? (Options.PrivatePerSecond, TimeSpan.FromSeconds(1)) : (Options.GroupPerMinute, TimeSpan.FromMinutes(1));
        if (!chatWindows.TryGetValue(chat, out var chatWindow))
        {
            chatWindow = new Queue<DateTimeOffset>();
            chatWindows[chat] = chatWindow;
        }

        var wait = Math.Max(Full(globalWindow, Options.GlobalPerSecond, TimeSpan.FromSeconds(1), now), Full(chatWindow, limit, window, now));
        if (wait > 0)
        {
            return FakeTelegramFailure.TooManyRequests(wait);
        }

        globalWindow.Enqueue(now);
        chatWindow.Enqueue(now);
        return null;
    }

    // Seconds until the window has room again, rounded up as Telegram's integer retry_after is; 0 when it has room.
    private static int Full(Queue<DateTimeOffset> window, int limit, TimeSpan length, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() <= now - length)
        {
            window.Dequeue();
        }

        if (window.Count < limit)
        {
            return 0;
        }

        var wait = window.ElementAt(window.Count - limit) + length - now;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    private static FakeTelegramFailure? TakeFailure(Dictionary<string, (FakeTelegramFailure Failure, int Left)> failures, string key)
    {
        if (!failures.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Left <= 1)
        {
            failures.Remove(key);
        }
        else if (entry.Left != int.MaxValue)
        {
            failures[key] = (entry.Failure, entry.Left - 1);
        }

        return entry.Failure;
    }

    private int NextMessageId(string chat)
    {
        lock (gate)
        {
            var id = lastMessageId.GetValueOrDefault(chat) + 1;
            lastMessageId[chat] = id;
            return id;
        }
    }

    private JsonObject MessageJson(FakeTelegramMessage message)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["date"] = Options.Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = ChatJson(message.Chat, full: false),
        };
        var entities = new JsonArray();
        foreach (var entity in message.Entities)
        {
            var node = new JsonObject { ["type"] = entity.Type, ["offset"] = entity.Offset, ["length"] = entity.Length };
            if (entity.Type == "text_link")
            {
                node["url"] = entity.Argument;
            }

            entities.Add(node);
        }

        if (message.IsPhoto)
        {
            json["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-" + message.MessageId, ["file_unique_id"] = "u" + message.MessageId, ["width"] = 800, ["height"] = 600 });
            if (message.Text.Length > 0)
            {
                json["caption"] = message.Text;
                json["caption_entities"] = entities;
            }
        }
        else
        {
            json["text"] = message.Text;
            json["entities"] = entities;
        }

        return json;
    }

    private static JsonObject ChatJson(string chat, bool full)
    {
        var id = long.TryParse(chat, out var numeric) ? numeric : -1_000_000_000_000 - Math.Abs((long)StringComparer.Ordinal.GetHashCode(chat));
        var type = id > 0 ? "private" : chat.StartsWith("-100", StringComparison.Ordinal) || chat.StartsWith('@') ? "channel" : "group";
        var json = new JsonObject { ["id"] = id, ["type"] = type };
        if (type == "private")
        {
            json["first_name"] = "User";
        }
        else
        {
            json["title"] = "Chat " + chat;
        }

        if (chat.StartsWith('@'))
        {
            json["username"] = chat[1..];
        }

        if (full)
        {
            json["accent_color_id"] = 0;
            json["max_reaction_count"] = 11;
        }

        return json;
    }

    private static string? ChatKey(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<long>().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => node.GetValue<string>(),
        _ => null,
    };

    private static string? String(JsonObject json, string name) =>
        json[name]?.GetValueKind() == JsonValueKind.String ? json[name]!.GetValue<string>() : null;

    private static bool PreviewDisabled(JsonObject json) =>
        json["link_preview_options"]?["is_disabled"]?.GetValue<bool>() == true || json["disable_web_page_preview"]?.GetValue<bool>() == true;

    private static Reply Ok(JsonNode result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Reply Ok(bool result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Reply Error(FakeTelegramFailure failure)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = failure.StatusCode, ["description"] = failure.Description };
        if (failure.RetryAfter is not null || failure.MigrateToChatId is not null)
        {
            var parameters = new JsonObject();
            if (failure.RetryAfter is { } retryAfter)
            {
                parameters["retry_after"] = retryAfter;
            }

            if (failure.MigrateToChatId is { } migrateTo)
            {
                parameters["migrate_to_chat_id"] = migrateTo;
            }

            body["parameters"] = parameters;
        }

        return new Reply(failure.StatusCode, body);
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    private sealed record Reply(int Status, JsonObject Body);
}
