using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord.Gateway;

/// <summary>
/// One gateway connection kept alive for the life of the host, for the one event the bot needs:
/// <c>INTERACTION_CREATE</c>. Hello starts the heartbeat, Identify (intents 0) opens a session, and a lost
/// connection, a Reconnect (op 7) or a zombie comes back with Resume on <c>resume_gateway_url</c>, so no
/// interaction is missed. Close codes that retrying cannot fix (4004, 4010–4014) stop it with one error line.
/// The token goes only into Identify and Resume frames; nothing here logs a frame.
/// </summary>
public sealed class DiscordGatewayClient(
    DiscordRestClient rest,
    DiscordOptions options,
    DiscordTokenRedactor redactor,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayClient> logger,
    Func<double>? random = null,
    DiscordGatewaySessionStore? sessions = null)
{
    /// <summary>Close code the client uses to drop a connection it will resume: anything but 1000/1001 keeps the session.</summary>
    public const int ResumableClose = 4000;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>How long connecting and Discord's Hello may take together.</summary>
    private static readonly TimeSpan OpeningLimit = TimeSpan.FromSeconds(30);

    /// <summary>How long a closing client waits for the gateway's own close frame.</summary>
    private static readonly TimeSpan CloseReplyWait = TimeSpan.FromSeconds(2);

    private readonly Func<double> random = random ?? Random.Shared.NextDouble;
    private readonly string token = options.BotToken?.Trim() ?? string.Empty;
    private readonly Lock gate = new();
    private readonly HashSet<Task> handlers = [];
    private Uri? gatewayUrl;
    private Uri? resumeUrl;
    private string? sessionId;
    private long sequence = -1;
    private volatile bool handingOver;

    /// <summary>The session READY gave, while it can be resumed.</summary>
    public string? SessionId => sessionId;

    /// <summary>
    /// Stays connected, handing every interaction to <paramref name="onInteraction"/> without waiting for it, until
    /// <paramref name="stoppingToken"/> fires (true) or Discord refuses the bot for good (false, after one error line).
    /// When <paramref name="handOver"/> fires instead (another host takes the gateway over), the connection is closed so
    /// that the session can be resumed, and with a session store the next host resumes it where this one stopped.
    /// </summary>
    public async Task<bool> RunAsync(Func<JsonElement, CancellationToken, Task> onInteraction, CancellationToken stoppingToken, CancellationToken handOver = default)
    {
        ArgumentNullException.ThrowIfNull(onInteraction);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, handOver);
        handingOver = false;
        using var handing = handOver.Register(() => handingOver = true);
        try
        {
            if (sessions is not null && await sessions.LoadAsync(ending.Token) is { } stored)
            {
                // The last host to run the gateway left this session; resuming it replays what it missed.
                (sessionId, resumeUrl) = (stored.SessionId, stored.ResumeUrl);
                Interlocked.Exchange(ref sequence, stored.Sequence);
            }

            return await LoopAsync(onInteraction, ending.Token);
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            return true;
        }
        finally
        {
            Task[] running;
            lock (gate)
            {
                running = [.. handlers];
            }

            await Task.WhenAll(running);
        }
    }

    private async Task<bool> LoopAsync(Func<JsonElement, CancellationToken, Task> onInteraction, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            gatewayUrl ??= await ResolveUrlAsync(stoppingToken);
            if (gatewayUrl is null)
            {
                return false;
            }

            var resume = sessionId is not null;
            var end = await ConnectOnceAsync(resume && resumeUrl is not null ? resumeUrl : gatewayUrl, resume, onInteraction, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                return true;
            }

            if (end.Next == DiscordGatewayNext.Stop)
            {
                DiscordGatewayLog.Stopped(logger, end.Code ?? 0, DiscordGatewayClose.Describe(end.Code ?? 0));
                return false;
            }

            if (end.Next == DiscordGatewayNext.Identify)
            {
                sessionId = null;
                resumeUrl = null;
                Interlocked.Exchange(ref sequence, -1);
            }

            failures = end.Ready ? 0 : failures + 1;
            var delay = end.Delay ?? Backoff(failures);
            DiscordGatewayLog.Reconnecting(logger, delay, end.Reason);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }

        return true;
    }

    /// <summary><c>Discord:GatewayUrl</c>, else <c>GET /gateway/bot</c>; null when Discord rejects the token.</summary>
    private async Task<Uri?> ResolveUrlAsync(CancellationToken stoppingToken)
    {
        if (options.GatewayUrl is { OriginalString.Length: > 0 } configured)
        {
            return configured;
        }

        for (var failures = 1; ; failures++)
        {
            var result = await rest.GetGatewayAsync(stoppingToken);
            string reason;
            if (result.IsSuccess && ReadUrl(result.Body) is { } url)
            {
                return url;
            }

            if (result.Error is { Status: 401 } unauthorized)
            {
                DiscordGatewayLog.TokenRejected(logger, redactor.Redact(DiscordErrorClassifier.Describe(unauthorized)));
                return null;
            }

            reason = result.Error is null ? "GET /gateway/bot gave no url" : redactor.Redact(DiscordErrorClassifier.Describe(result.Error));
            var delay = result.Error?.RetryAfter ?? Backoff(failures);
            DiscordGatewayLog.NoGatewayUrl(logger, reason, delay);
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
    }

    private static Uri? ReadUrl(string? body)
    {
        try
        {
            return body is not null
                && JsonNode.Parse(body)?["url"] is JsonValue value
                && Uri.TryCreate(value.ToString(), UriKind.Absolute, out var url)
                ? url
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(
        Uri url,
        bool resume,
        Func<JsonElement, CancellationToken, Task> onInteraction,
        CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var sendLock = new SemaphoreSlim(1, 1);
        var zombie = false;
        var ready = false;
        Task beats = Task.CompletedTask;
        try
        {
            TimeSpan interval;
            using (var opening = CancellationTokenSource.CreateLinkedTokenSource(connection.Token))
            {
                // A gateway that accepts the connection but never says Hello would otherwise hold the client forever.
                opening.CancelAfter(OpeningLimit);
                await socket.ConnectAsync(WithQuery(url), opening.Token);
                using var hello = await ReceiveAsync(socket, opening.Token);
                if (hello is null || Op(hello) != DiscordGatewayOpcode.Hello)
                {
                    return Closed(socket, "no Hello", ready);
                }

                interval = TimeSpan.FromMilliseconds(hello.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
            }

            var heartbeat = new DiscordHeartbeat(interval, Math.Clamp(random(), 0, 0.999), timeProvider);
            beats = BeatAsync(socket, heartbeat, sendLock, () => zombie = true, connection);
            await SendAsync(socket, sendLock, resume ? ResumeFrame() : IdentifyFrame(), connection.Token);

            while (true)
            {
                using var frame = await ReceiveAsync(socket, connection.Token);
                if (frame is null)
                {
                    return zombie
                        ? new ConnectionEnd(DiscordGatewayNext.Resume, null, ready, "heartbeat not acknowledged", TimeSpan.Zero)
                        : Closed(socket, "closed by Discord", ready);
                }

                var root = frame.RootElement;
                switch (Op(frame))
                {
                    case DiscordGatewayOpcode.Dispatch:
                        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
                        {
                            Interlocked.Exchange(ref sequence, s.GetInt64());
                        }

                        ready |= Dispatch(root, onInteraction, stoppingToken);
                        if (sessionId is { } id)
                        {
                            sessions?.Remember(new DiscordGatewaySession(id, Interlocked.Read(ref sequence), resumeUrl));
                        }
                        break;
                    case DiscordGatewayOpcode.Heartbeat:
                        await SendAsync(socket, sendLock, HeartbeatFrame(), connection.Token);
                        break;
                    case DiscordGatewayOpcode.HeartbeatAck:
                        heartbeat.Acknowledge();
                        break;
                    case DiscordGatewayOpcode.Reconnect:
                        await CloseQuietlyAsync(socket, ResumableClose, sendLock, awaitReply: true);
                        return new ConnectionEnd(DiscordGatewayNext.Resume, null, ready, "Discord asked to reconnect", TimeSpan.Zero);
                    case DiscordGatewayOpcode.InvalidSession:
                        var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                        await CloseQuietlyAsync(socket, ResumableClose, sendLock, awaitReply: true);
                        // Discord asks for a pause of 1 to 5 s before the next Identify or Resume.
                        return new ConnectionEnd(
                            resumable && sessionId is not null ? DiscordGatewayNext.Resume : DiscordGatewayNext.Identify,
                            null,
                            ready,
                            "invalid session",
                            TimeSpan.FromSeconds(1 + (4 * Math.Clamp(random(), 0, 1))));
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return zombie
                ? new ConnectionEnd(DiscordGatewayNext.Resume, null, ready, "heartbeat not acknowledged", TimeSpan.Zero)
                : new ConnectionEnd(DiscordGatewayNext.Resume, null, ready, "no Hello in time", null);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or JsonException or KeyNotFoundException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
        {
            return new ConnectionEnd(
                sessionId is null ? DiscordGatewayNext.Identify : DiscordGatewayNext.Resume,
                null,
                ready,
                $"connection lost ({exception.GetType().Name}: {redactor.Redact(exception.Message)})",
                null);
        }
        finally
        {
            await connection.CancelAsync();
            await beats;
            if (stoppingToken.IsCancellationRequested && handingOver)
            {
                // Another host takes over: the session stays, for it to resume.
                await CloseQuietlyAsync(socket, ResumableClose, sendLock, awaitReply: false);
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: 1000 ends the session, so Discord shows the bot offline at once.
                await CloseQuietlyAsync(socket, (int)WebSocketCloseStatus.NormalClosure, sendLock, awaitReply: false);
                if (sessions is not null) await sessions.ForgetAsync(CloseReplyWait);
            }
        }
    }

    private ConnectionEnd Closed(ClientWebSocket socket, string reason, bool ready)
    {
        var code = socket.CloseStatus is { } status ? (int)status : (int?)null;
        var next = DiscordGatewayClose.Classify(code);
        if (next == DiscordGatewayNext.Resume && sessionId is null)
        {
            next = DiscordGatewayNext.Identify;
        }

        return new ConnectionEnd(next, code, ready, code is null ? reason : $"{reason} with {code}", null);
    }

    /// <summary>Handles a dispatch; true when it is READY or RESUMED, the signs of a healthy session.</summary>
    private bool Dispatch(JsonElement root, Func<JsonElement, CancellationToken, Task> onInteraction, CancellationToken stoppingToken)
    {
        var type = root.TryGetProperty("t", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "READY":
                var d = root.GetProperty("d");
                sessionId = d.GetProperty("session_id").GetString();
                resumeUrl = d.TryGetProperty("resume_gateway_url", out var r) && Uri.TryCreate(r.GetString(), UriKind.Absolute, out var resumeAt) ? resumeAt : null;
                DiscordGatewayLog.Ready(logger, "identified");
                return true;
            case "RESUMED":
                DiscordGatewayLog.Ready(logger, "resumed");
                return true;
            case "INTERACTION_CREATE":
                var interaction = root.GetProperty("d").Clone();
                // Not awaited: the reply must start within 3 s, and another interaction may be waiting behind this one.
                var task = Task.Run(() => RunHandlerAsync(onInteraction, interaction, stoppingToken), CancellationToken.None);
                lock (gate)
                {
                    handlers.Add(task);
                }

                _ = task.ContinueWith(
                    done =>
                    {
                        lock (gate)
                        {
                            handlers.Remove(done);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                return false;
            default:
                return false;
        }
    }

    private async Task RunHandlerAsync(Func<JsonElement, CancellationToken, Task> onInteraction, JsonElement interaction, CancellationToken stoppingToken)
    {
        try
        {
            await onInteraction(interaction, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // One bad interaction must not take the gateway down.
            DiscordGatewayLog.HandlerFailed(logger, redactor.Redact($"{exception.GetType().Name}: {exception.Message}"));
        }
    }

    private async Task BeatAsync(ClientWebSocket socket, DiscordHeartbeat heartbeat, SemaphoreSlim sendLock, Action markZombie, CancellationTokenSource connection)
    {
        try
        {
            while (true)
            {
                await Task.Delay(heartbeat.UntilDue, timeProvider, connection.Token);
                if (!heartbeat.TryBeat())
                {
                    DiscordGatewayLog.Zombie(logger, heartbeat.Interval);
                    markZombie();
                    await CloseQuietlyAsync(socket, ResumableClose, sendLock, awaitReply: false);
                    // The read loop sees the gateway's closing reply if one comes; a dead connection sends none.
                    connection.CancelAfter(CloseReplyWait);
                    return;
                }

                await SendAsync(socket, sendLock, HeartbeatFrame(), connection.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or InvalidOperationException)
        {
            // The receive loop sees the same broken socket and reconnects.
        }
    }

    private JsonObject IdentifyFrame() => new()
    {
        ["op"] = DiscordGatewayOpcode.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            // INTERACTION_CREATE needs no intent.
            ["intents"] = 0,
            ["properties"] = new JsonObject
            {
                ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(),
                ["browser"] = "news-announcement-bot",
                ["device"] = "news-announcement-bot",
            },
        },
    };

    private JsonObject ResumeFrame() => new()
    {
        ["op"] = DiscordGatewayOpcode.Resume,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = LastSequence() },
    };

    private JsonObject HeartbeatFrame() => new() { ["op"] = DiscordGatewayOpcode.Heartbeat, ["d"] = LastSequence() };

    private JsonNode? LastSequence() => Interlocked.Read(ref sequence) is var s and >= 0 ? JsonValue.Create(s) : null;

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendLock, JsonObject frame, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>The next whole message, or null when the other side closed.</summary>
    private static async Task<JsonDocument?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray());
            }
        }
    }

    private static int Op(JsonDocument frame) =>
        frame.RootElement.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number ? op.GetInt32() : -1;

    /// <summary>
    /// Sends a close frame. With <paramref name="awaitReply"/> (only from the read loop, the one reader) it then waits a
    /// little for the gateway's closing reply: disposing at once resets the connection, and a reset can overtake the
    /// close frame, so the gateway would see a drop instead of a resumable close.
    /// </summary>
    private static async Task CloseQuietlyAsync(ClientWebSocket socket, int code, SemaphoreSlim sendLock, bool awaitReply)
    {
        using var limit = new CancellationTokenSource(CloseReplyWait);
        try
        {
            await sendLock.WaitAsync(limit.Token);
            try
            {
                if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                {
                    return;
                }

                await socket.CloseOutputAsync((WebSocketCloseStatus)code, null, limit.Token);
            }
            finally
            {
                sendLock.Release();
            }

            var buffer = new byte[1024];
            while (awaitReply && socket.State == WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, limit.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Max(0, failures - 1)));
        return TimeSpan.FromSeconds(seconds * (0.5 + (Math.Clamp(random(), 0, 1) / 2)));
    }

    private sealed record ConnectionEnd(DiscordGatewayNext Next, int? Code, bool Ready, string Reason, TimeSpan? Delay);
}
