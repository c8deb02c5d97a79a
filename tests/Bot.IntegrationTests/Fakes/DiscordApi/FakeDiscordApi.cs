using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>
/// An in-process Discord REST API on loopback, as strict as Discord where our bot can go wrong: bot and webhook
/// tokens, JSON content type, content and embed limits (400 50035 with Discord's <c>errors</c> tree), per-route
/// buckets with <c>X-RateLimit-*</c> headers and 429s, <c>enforce_nonce</c>. It records a violation for a create or
/// edit without <c>allowed_mentions: {"parse": []}</c>, journals every request and keeps every message's current state.
/// The gateway and the interaction endpoints live in the other parts of this class.
/// </summary>
public sealed partial class FakeDiscordApi : IAsyncDisposable
{
    public const string ApiPath = "/api/v10";

    private readonly Lock gate = new();
    private readonly WebApplication app;
    private readonly List<FakeDiscordRequest> journal = [];
    private readonly List<string> violations = [];
    private readonly List<string> pings = [];
    private readonly Dictionary<string, FakeDiscordMessage> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeDiscordWebhook> webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FakeDiscordFailure Failure, int Left, string? Method)> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset ResetAt, int Used)> windows = new(StringComparer.Ordinal);
    private long nextId = 1_180_000_000_000_000_000;

    private FakeDiscordApi(WebApplication app, FakeDiscordApiOptions options)
    {
        this.app = app;
        Options = options;
    }

    public FakeDiscordApiOptions Options { get; }

    /// <summary>What to configure as <c>Discord:ApiBaseUrl</c>: the fake's root with <c>/api/v10</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    public string BotToken => Options.BotToken;

    public IReadOnlyList<FakeDiscordRequest> Journal
    {
        get
        {
            lock (gate)
            {
                return journal.ToArray();
            }
        }
    }

    /// <summary>Protocol mistakes the client made that Discord would have let through silently (missing allowed_mentions, …).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (gate)
            {
                return violations.ToArray();
            }
        }
    }

    /// <summary>Mentions that would have notified someone.</summary>
    public IReadOnlyList<string> Pings
    {
        get
        {
            lock (gate)
            {
                return pings.ToArray();
            }
        }
    }

    /// <summary>Every message ever created, deleted ones included, oldest first.</summary>
    public IReadOnlyList<FakeDiscordMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.Values.OrderBy(m => ulong.Parse(m.Id, CultureInfo.InvariantCulture)).ToArray();
            }
        }
    }

    public static async Task<FakeDiscordApi> StartAsync(FakeDiscordApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordApi(app, options ?? new FakeDiscordApiOptions());
        app.UseWebSockets();
        fake.MapGateway(app);
        fake.MapInteractions(app);
        app.MapPost(ApiPath + "/channels/{channelId}/messages", (HttpContext c, string channelId) =>
            fake.HandleAsync(c, channelId, null, null, null));
        app.MapMethods(ApiPath + "/channels/{channelId}/messages/{messageId}", ["PATCH", "DELETE"], (HttpContext c, string channelId, string messageId) =>
            fake.HandleAsync(c, channelId, null, null, messageId));
        app.MapPost(ApiPath + "/webhooks/{webhookId}/{token}", (HttpContext c, string webhookId, string token) =>
            fake.HandleAsync(c, null, webhookId, token, null));
        app.MapMethods(ApiPath + "/webhooks/{webhookId}/{token}/messages/{messageId}", ["PATCH", "DELETE"], (HttpContext c, string webhookId, string token, string messageId) =>
            fake.HandleAsync(c, null, webhookId, token, messageId));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiBaseUrl = new Uri(address.TrimEnd('/') + ApiPath);
        fake.GatewayUrl = new Uri("ws" + address.TrimEnd('/')[4..] + GatewayPath);
        return fake;
    }

    /// <summary>Creates a webhook in <paramref name="channelId"/>; its URL has the shape Discord gives out, on the fake's host.</summary>
    public FakeDiscordWebhook CreateWebhook(string channelId)
    {
        lock (gate)
        {
            var id = NextId();
            var token = "wh-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var url = new Uri($"{ApiBaseUrl.GetLeftPart(UriPartial.Authority)}/api/webhooks/{id}/{token}");
            var webhook = new FakeDiscordWebhook(id, token, channelId, url);
            webhooks[id] = webhook;
            return webhook;
        }
    }

    /// <summary>The messages a member of <paramref name="channelId"/> sees now, oldest first.</summary>
    public IReadOnlyList<FakeDiscordMessage> VisibleMessages(string channelId) =>
        Messages.Where(m => m.ChannelId == channelId && !m.Deleted).ToArray();

    public FakeDiscordMessage? Message(string id)
    {
        lock (gate)
        {
            return messages.GetValueOrDefault(id);
        }
    }

    /// <summary>Requests that touched <paramref name="channelId"/>, in arrival order.</summary>
    public IReadOnlyList<FakeDiscordRequest> RequestsTo(string channelId) => Journal.Where(r => r.ChannelId == channelId).ToArray();

    /// <summary>
    /// Answers the next <paramref name="times"/> requests touching <paramref name="channelId"/> (only those with
    /// <paramref name="method"/>, when given) with <paramref name="failure"/>.
    /// </summary>
    public void FailChannel(string channelId, FakeDiscordFailure failure, int times = int.MaxValue, string? method = null)
    {
        lock (gate)
        {
            failures[channelId] = (failure, times, method);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string? channelId, string? webhookId, string? token, string? messageId)
    {
        var request = context.Request;
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var (status, answer, headers) = Handle(request, text, channelId, webhookId, token, messageId);
        if (Options.ResponseDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Options.ResponseDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }
    }

    private (int Status, JsonNode? Body, List<(string, string)> Headers) Handle(
        HttpRequest request, string text, string? channelId, string? webhookId, string? token, string? messageId)
    {
        lock (gate)
        {
            var now = Options.Clock.GetUtcNow();
            var method = request.Method.ToUpperInvariant();
            var headers = new List<(string, string)>();
            var major = channelId is not null ? $"channels/{channelId}" : $"webhooks/{webhookId}";
            var route = channelId is not null
                ? messageId is null ? $"{method} {major}/messages" : $"{method} {major}/messages/:id"
                : messageId is null ? $"{method} {major}/:token" : $"{method} {major}/:token/messages/:id";

            var authorization = request.Headers.Authorization.ToString();
            var userAgent = request.Headers.UserAgent.ToString();
            var touched = channelId ?? webhooks.GetValueOrDefault(webhookId!)?.ChannelId ?? string.Empty;
            (int, JsonNode?, List<(string, string)>) Answer(int status, JsonNode? body)
            {
                journal.Add(new FakeDiscordRequest(method, request.Path + request.QueryString, route, touched, status, text,
                    string.IsNullOrEmpty(authorization) ? null : authorization, userAgent, request.ContentType, now));
                return (status, body, headers);
            }

            if (!userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal))
            {
                violations.Add($"{route}: User-Agent is not DiscordBot (url, version): '{userAgent}'");
            }

            if (channelId is not null)
            {
                if (authorization != "Bot " + Options.BotToken)
                {
                    return Answer(401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
                }
            }
            else
            {
                if (!string.IsNullOrEmpty(authorization))
                {
                    violations.Add($"{route}: webhook request carries an Authorization header");
                }

                if (!webhooks.TryGetValue(webhookId!, out var webhook))
                {
                    return Answer(404, Error(10015, "Unknown Webhook"));
                }

                if (webhook.Token != token)
                {
                    return Answer(401, Error(50027, "Invalid Webhook Token"));
                }

                if (method == "POST" && request.Query["wait"] != "true")
                {
                    violations.Add($"{route}: webhook execute without wait=true");
                }
            }

            FakeDiscordFailure? lateFailure = null;
            if (failures.TryGetValue(touched, out var scripted) && scripted.Left > 0 && (scripted.Method is null || scripted.Method == method))
            {
                failures[touched] = (scripted.Failure, scripted.Left - 1, scripted.Method);
                if (scripted.Failure.AfterCommit)
                {
                    lateFailure = scripted.Failure;
                }
                else
                {
                    return Answer(scripted.Failure.Status, Scripted(scripted.Failure, headers));
                }
            }

            var bucketKey = route;
            var window = windows.TryGetValue(bucketKey, out var w) && w.ResetAt > now ? w : (ResetAt: now + Options.BucketWindow, Used: 0);
            var resetAfter = RoundUp(window.ResetAt - now);
            var bucketHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(route.Replace(major, "major", StringComparison.Ordinal))))[..16].ToLowerInvariant();
            headers.Add(("X-RateLimit-Limit", Options.BucketLimit.ToString(CultureInfo.InvariantCulture)));
            headers.Add(("X-RateLimit-Bucket", bucketHash));
            headers.Add(("X-RateLimit-Reset", (window.ResetAt.ToUnixTimeMilliseconds() / 1000m).ToString("0.000", CultureInfo.InvariantCulture)));
            headers.Add(("X-RateLimit-Reset-After", resetAfter.ToString("0.000", CultureInfo.InvariantCulture)));
            if (window.Used >= Options.BucketLimit)
            {
                headers.Add(("X-RateLimit-Remaining", "0"));
                headers.Add(("X-RateLimit-Scope", "user"));
                headers.Add(("Retry-After", Math.Ceiling(resetAfter).ToString(CultureInfo.InvariantCulture)));
                return Answer(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = resetAfter, ["global"] = false });
            }

            windows[bucketKey] = (window.ResetAt, window.Used + 1);
            headers.Add(("X-RateLimit-Remaining", (Options.BucketLimit - window.Used - 1).ToString(CultureInfo.InvariantCulture)));

            var (status, body) = method switch
            {
                "POST" => Create(request, text, touched, webhookId, now),
                "PATCH" => Edit(request, text, touched, webhookId, messageId!),
                _ => Delete(touched, webhookId, messageId!),
            };

            if (lateFailure is not null)
            {
                return Answer(lateFailure.Status, Scripted(lateFailure, headers));
            }

            return Answer(status, body);
        }
    }

    private (int, JsonNode?) Create(HttpRequest request, string text, string channelId, string? webhookId, DateTimeOffset now)
    {
        if (ReadBody(request, text, out var body) is { } invalid)
        {
            return invalid;
        }

        var route = webhookId is null ? "create" : "webhook execute";
        CheckMentions(route, body!);
        if (Validate(body!) is { } rejected)
        {
            return rejected;
        }

        var content = body!["content"]?.GetValue<string>() ?? string.Empty;
        var embeds = body["embeds"] is JsonArray array ? (JsonArray)array.DeepClone() : [];
        if (content.Length == 0 && embeds.Count == 0)
        {
            return (400, Error(50006, "Cannot send an empty message"));
        }

        string? nonce = null;
        if (webhookId is null && body["nonce"] is JsonValue n)
        {
            nonce = n.ToString();
            if (body["enforce_nonce"]?.GetValue<bool>() == true)
            {
                var earlier = messages.Values.FirstOrDefault(m => m.ChannelId == channelId && m.Nonce == nonce && m.CreatedAt + Options.NonceWindow > now);
                if (earlier is not null)
                {
                    return (200, ToJson(earlier));
                }
            }
        }

        var message = new FakeDiscordMessage(NextId(), channelId, content, embeds, nonce, webhookId, now);
        messages[message.Id] = message;
        RecordPings(message, body);
        return (200, ToJson(message));
    }

    private (int, JsonNode?) Edit(HttpRequest request, string text, string channelId, string? webhookId, string messageId)
    {
        if (!messages.TryGetValue(messageId, out var message) || message.Deleted || message.ChannelId != channelId || (webhookId is not null && message.WebhookId != webhookId))
        {
            return (404, Error(10008, "Unknown Message"));
        }

        if (ReadBody(request, text, out var body) is { } invalid)
        {
            return invalid;
        }

        CheckMentions("edit", body!);
        if (Validate(body!) is { } rejected)
        {
            return rejected;
        }

        var content = body!.ContainsKey("content") ? body["content"]?.GetValue<string>() ?? string.Empty : message.Content;
        var embeds = body.ContainsKey("embeds") ? body["embeds"] is JsonArray array ? (JsonArray)array.DeepClone() : [] : message.Embeds;
        if (content.Length == 0 && embeds.Count == 0)
        {
            return (400, Error(50006, "Cannot send an empty message"));
        }

        message = message with { Content = content, Embeds = embeds, Edits = message.Edits + 1 };
        messages[messageId] = message;
        RecordPings(message, body);
        return (200, ToJson(message));
    }

    private (int, JsonNode?) Delete(string channelId, string? webhookId, string messageId)
    {
        if (!messages.TryGetValue(messageId, out var message) || message.Deleted || message.ChannelId != channelId || (webhookId is not null && message.WebhookId != webhookId))
        {
            return (404, Error(10008, "Unknown Message"));
        }

        messages[messageId] = message with { Deleted = true };
        return (204, null);
    }

    private static (int, JsonNode?)? ReadBody(HttpRequest request, string text, out JsonObject? body)
    {
        body = null;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (400, FormErrors(new JsonObject
            {
                ["_errors"] = ErrorList("CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'}."),
            }));
        }

        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        return body is null ? (400, Error(50109, "The request body contains invalid JSON.")) : null;
    }

    private static (int, JsonNode?)? Validate(JsonObject body)
    {
        var errors = new JsonObject();
        if (body["content"] is JsonValue content && Length(content.GetValue<string>()) > 2000)
        {
            errors["content"] = new JsonObject { ["_errors"] = ErrorList("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.") };
        }

        if (body["nonce"] is JsonValue nonce && nonce.GetValueKind() == JsonValueKind.String && nonce.GetValue<string>().Length > 25)
        {
            errors["nonce"] = new JsonObject { ["_errors"] = ErrorList("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.") };
        }

        if (body["embeds"] is JsonArray embeds)
        {
            var embedErrors = new JsonObject();
            if (embeds.Count > 10)
            {
                embedErrors["_errors"] = ErrorList("BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
            }

            var total = 0;
            for (var i = 0; i < embeds.Count; i++)
            {
                var embed = embeds[i] as JsonObject ?? [];
                var one = new JsonObject();
                total += Field(embed["title"], 256, "title", one)
                    + Field(embed["description"], 4096, "description", one)
                    + Field(embed["footer"]?["text"], 2048, "footer.text", one)
                    + Field(embed["author"]?["name"], 256, "author.name", one);
                if (embed["fields"] is JsonArray fields)
                {
                    foreach (var field in fields)
                    {
                        total += Field(field?["name"], 256, "fields.name", one) + Field(field?["value"], 1024, "fields.value", one);
                    }
                }

                if (one.Count > 0)
                {
                    embedErrors[i.ToString(CultureInfo.InvariantCulture)] = one;
                }
            }

            if (total > 6000 && !embedErrors.ContainsKey("_errors"))
            {
                embedErrors["_errors"] = ErrorList("MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
            }

            if (embedErrors.Count > 0)
            {
                errors["embeds"] = embedErrors;
            }
        }

        return errors.Count == 0 ? null : (400, FormErrors(errors));
    }

    private static int Field(JsonNode? node, int max, string name, JsonObject errors)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return 0;
        }

        var length = Length(value.GetValue<string>().Trim());
        if (length > max)
        {
            errors[name] = new JsonObject { ["_errors"] = ErrorList("BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.") };
        }

        return length;
    }

    private void CheckMentions(string route, JsonObject body)
    {
        if (body["allowed_mentions"] is not JsonObject allowed || allowed["parse"] is not JsonArray { Count: 0 })
        {
            violations.Add($"{route}: allowed_mentions with parse: [] is missing");
        }
    }

    private void RecordPings(FakeDiscordMessage message, JsonObject body)
    {
        var parse = (body["allowed_mentions"] as JsonObject)?["parse"] as JsonArray;
        var suppressed = parse is { Count: 0 };
        if (suppressed)
        {
            return;
        }

        foreach (var mention in new[] { "@everyone", "@here", "<@" })
        {
            if (message.Content.Contains(mention, StringComparison.Ordinal))
            {
                pings.Add($"{message.Id}: {mention}");
            }
        }
    }

    private static JsonNode Scripted(FakeDiscordFailure failure, List<(string, string)> headers)
    {
        if (failure.Status == 429)
        {
            headers.Add(("X-RateLimit-Scope", failure.Global ? "global" : "user"));
            if (failure.Global)
            {
                headers.Add(("X-RateLimit-Global", "true"));
            }

            var seconds = failure.Body["retry_after"]!.GetValue<decimal>();
            headers.Add(("Retry-After", Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture)));
        }

        return failure.Body.DeepClone();
    }

    private string NextId() => (++nextId).ToString(CultureInfo.InvariantCulture);

    private static int Length(string text) => text.EnumerateRunes().Count();

    private static decimal RoundUp(TimeSpan span) => Math.Ceiling((decimal)span.TotalMilliseconds) / 1000m;

    private static JsonObject Error(int code, string message) => new() { ["message"] = message, ["code"] = code };

    private static JsonObject FormErrors(JsonObject errors) =>
        new() { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = errors };

    private static JsonArray ErrorList(string code, string message) => [new JsonObject { ["code"] = code, ["message"] = message }];

    private static JsonObject ToJson(FakeDiscordMessage message) => new()
    {
        ["id"] = message.Id,
        ["channel_id"] = message.ChannelId,
        ["content"] = message.Content,
        ["embeds"] = message.Embeds.DeepClone(),
        ["nonce"] = message.Nonce,
        ["webhook_id"] = message.WebhookId,
        ["type"] = 0,
    };
}
