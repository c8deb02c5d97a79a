using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord;

/// <summary>
/// The Discord REST calls the channel needs, on a caller-supplied <see cref="HttpClient"/>. Hand-written because no
/// Discord library is served by our package registry; DSharpPlus is the model. Every call first asks
/// <see cref="DiscordRateLimits"/>. Message calls (the delivery engine's) never wait: a spent bucket comes back as
/// <see cref="DiscordResult.Paced"/> and the engine schedules. Other calls (commands, interactions) wait a spent bucket
/// out here, on the injected clock and bounded by <see cref="DiscordOptions.MaxBucketWait"/>. A 429 is never slept on: it
/// comes back as an error with its wait.
/// Failures are values; only cancellation by the caller throws.
/// </summary>
public sealed class DiscordRestClient(
    HttpClient http,
    DiscordOptions options,
    DiscordRateLimits limits,
    TimeProvider timeProvider,
    ILogger<DiscordRestClient> logger)
{
    private readonly string? botToken = options.HasBotToken ? options.BotToken!.Trim() : null;
    private readonly string apiRoot = options.ApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
    private readonly string userAgent =
        $"DiscordBot ({options.UserAgentUrl}, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    /// <summary>Creates a message: <c>POST channels/{id}/messages</c> or <c>POST webhooks/{id}/{token}?wait=true</c>.</summary>
    public Task<DiscordResult> CreateMessageAsync(DiscordMessageTarget target, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CallAsync(target.Create(), body, cancellationToken, waitForBucket: false);
    }

    /// <summary>Edits a message in place (<c>PATCH …/messages/{id}</c>).</summary>
    public Task<DiscordResult> EditMessageAsync(DiscordMessageTarget target, string messageId, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CallAsync(target.Message(HttpMethod.Patch, messageId), body, cancellationToken, waitForBucket: false);
    }

    /// <summary>Deletes a message (<c>DELETE …/messages/{id}</c>).</summary>
    public Task<DiscordResult> DeleteMessageAsync(DiscordMessageTarget target, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CallAsync(target.Message(HttpMethod.Delete, messageId), null, cancellationToken, waitForBucket: false);
    }

    /// <summary>Asks where the gateway is (<c>GET gateway/bot</c>); the answer's <see cref="DiscordResult.Body"/> holds <c>url</c>.</summary>
    public Task<DiscordResult> GetGatewayAsync(CancellationToken cancellationToken) =>
        CallAsync(new DiscordRoute(HttpMethod.Get, "gateway/bot", "GET gateway/bot", "gateway", false), null, cancellationToken);

    /// <summary>Replaces every global command of the application (<c>PUT applications/{id}/commands</c>).</summary>
    public Task<DiscordResult> OverwriteGlobalCommandsAsync(string applicationId, JsonArray commands, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        var path = $"applications/{applicationId}/commands";
        return CallAsync(new DiscordRoute(HttpMethod.Put, path, "PUT " + path, $"applications/{applicationId}", false), commands, cancellationToken);
    }

    /// <summary>
    /// The first answer to an interaction (<c>POST interactions/{id}/{token}/callback</c>). The token is a secret in the
    /// path, as with webhooks: it is never in the route key, and the bot token is not sent.
    /// </summary>
    public Task<DiscordResult> AnswerInteractionAsync(string interactionId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(
            new DiscordRoute(HttpMethod.Post, $"interactions/{interactionId}/{interactionToken}/callback", "POST interactions/:id/:token/callback", $"interactions/{interactionId}", true, GlobalExempt: true),
            body,
            cancellationToken);

    /// <summary>Edits the first answer to an interaction (<c>PATCH webhooks/{application id}/{token}/messages/@original</c>).</summary>
    public Task<DiscordResult> EditInteractionReplyAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(
            new DiscordRoute(HttpMethod.Patch, $"webhooks/{applicationId}/{interactionToken}/messages/@original", $"PATCH webhooks/{applicationId}/:token/messages/@original", $"webhooks/{applicationId}", true, GlobalExempt: true),
            body,
            cancellationToken);

    private async Task<DiscordResult> CallAsync(DiscordRoute route, JsonNode? body, CancellationToken cancellationToken, bool waitForBucket = true)
    {
        if (!route.IsWebhook && botToken is null)
        {
            return DiscordResult.Failed(new DiscordApiError(401, 0, "Discord:BotToken is not set"));
        }

        var json = body is null ? null : DiscordPayload.Serialize(body);
        while (true)
        {
            switch (limits.TryAcquire(route))
            {
                case DiscordRateLimitDecision.Wait wait when !waitForBucket:
                    return DiscordResult.Paced(timeProvider.GetUtcNow() + wait.Delay);
                case DiscordRateLimitDecision.Wait wait:
                    DiscordLog.Waiting(logger, route.Key, wait.Delay, wait.Scope);
                    await Task.Delay(wait.Delay, timeProvider, cancellationToken);
                    continue;
                case DiscordRateLimitDecision.Blocked blocked:
                    return DiscordResult.Failed(new DiscordApiError(429, 0, "rate limited", RetryAfter: blocked.RetryAfter, Scope: "local " + blocked.Scope));
                case DiscordRateLimitDecision.Granted granted:
                    return await SendAsync(granted.Ticket, json, cancellationToken);
            }
        }
    }

    private async Task<DiscordResult> SendAsync(DiscordRateLimitTicket ticket, string? json, CancellationToken cancellationToken)
    {
        var route = ticket.Route;
        using var request = new HttpRequestMessage(route.Method, apiRoot + route.Path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (!route.IsWebhook)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", botToken);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage? response = null;
        string text;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            limits.Cancel(ticket);
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException or IOException)
        {
            response?.Dispose();
            limits.Cancel(ticket);
            // Exception texts can carry the request URL, and a webhook URL holds its token: say only what kind of failure it was.
            var reason = exception is HttpRequestException { HttpRequestError: var kind } ? $"connection failed ({kind})" : "timed out";
            DiscordLog.NoAnswer(logger, route.Key, reason);
            return DiscordResult.Failed(new DiscordApiError(0, 0, reason));
        }

        using (response)
        {
            var headers = DiscordRateLimitHeaders.Read(response.Headers);
            if (response.IsSuccessStatusCode)
            {
                limits.Complete(ticket, headers);
                return DiscordResult.Ok(response.StatusCode == HttpStatusCode.NoContent ? null : ReadId(text)) with { Body = text };
            }

            var error = ReadError((int)response.StatusCode, text, headers, response.Headers.RetryAfter);
            limits.Complete(ticket, headers, error.RetryAfter);
            if (error.RetryAfter is { } retryAfter)
            {
                DiscordLog.RateLimited(logger, route.Key, retryAfter, error.Scope ?? "user");
            }

            return DiscordResult.Failed(error);
        }
    }

    private static string? ReadId(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                ? id.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads Discord's error JSON <c>{code, message, errors, retry_after, global}</c>; any other body is kept as text.</summary>
    public static DiscordApiError ReadError(int status, string text, DiscordRateLimitHeaders headers, RetryConditionHeaderValue? retryAfterHeader = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var code = 0;
        var message = string.Empty;
        string? fields = null;
        TimeSpan? retryAfter = null;
        var global = headers.Global;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var parsed))
                {
                    code = parsed;
                }

                if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString()!;
                }

                if (root.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDecimal(out var seconds))
                {
                    retryAfter = DiscordRateLimitHeaders.FromSeconds(seconds);
                }

                if (root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                {
                    global = true;
                }

                if (root.TryGetProperty("errors", out var errors))
                {
                    var lines = new List<string>();
                    Flatten(errors, string.Empty, lines);
                    fields = lines.Count == 0 ? null : string.Join("; ", lines);
                }
            }
        }
        catch (JsonException)
        {
            message = text.Length > 200 ? text[..200] : text;
        }

        if (status == 429 && retryAfter is null)
        {
            retryAfter = retryAfterHeader?.Delta ?? headers.ResetAfter;
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            message = ((HttpStatusCode)status).ToString();
        }

        return new DiscordApiError(status, code, message, fields, status == 429 ? retryAfter : null, global, status == 429 ? headers.Scope ?? (global ? "global" : null) : null);
    }

    /// <summary>Walks <c>{"content":{"_errors":[…]}, "embeds":{"0":{"description":{"_errors":[…]}}}}</c> into <c>path: message (CODE)</c>.</summary>
    private static void Flatten(JsonElement element, string path, List<string> lines)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    var text = item.TryGetProperty("message", out var m) ? m.GetString() : null;
                    var code = item.TryGetProperty("code", out var c) ? c.GetString() : null;
                    lines.Add($"{(path.Length == 0 ? "body" : path)}: {text} ({code})");
                }
            }
            else
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, lines);
            }
        }
    }
}
