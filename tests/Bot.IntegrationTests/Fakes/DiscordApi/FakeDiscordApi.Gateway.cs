using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>
/// The gateway, as strict as Discord where a client can go wrong: Hello first; Identify with the right token (4004
/// otherwise) opens a session and READY names it and the resume URL; Resume must name that session and the last
/// sequence the client saw (op 9 otherwise); anything but a heartbeat before Identify closes 4003; heartbeats are
/// acknowledged. Every frame received (and every close) is journaled.
/// </summary>
public sealed partial class FakeDiscordApi
{
    public const string GatewayPath = "/gateway";
    public const string ResumePath = "/gateway-resume";

    private readonly List<FakeGatewayFrame> frames = [];
    private readonly List<JsonObject> dispatched = [];
    private FakeGatewayConnection? current;
    private string? sessionId;
    private long sequence;
    private int connectionCount;
    private int sessionsReady;

    /// <summary>What <c>GET /gateway/bot</c> answers.</summary>
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>Every frame the gateway received, in arrival order, per connection.</summary>
    public IReadOnlyList<FakeGatewayFrame> GatewayFrames
    {
        get
        {
            lock (gate)
            {
                return frames.ToArray();
            }
        }
    }

    /// <summary>The session the last READY named.</summary>
    public string? SessionId
    {
        get
        {
            lock (gate)
            {
                return sessionId;
            }
        }
    }

    /// <summary>The sequence number of the last dispatch sent.</summary>
    public long Sequence
    {
        get
        {
            lock (gate)
            {
                return sequence;
            }
        }
    }

    /// <summary>How many times a session became usable: READY after Identify, or RESUMED after Resume.</summary>
    public int SessionsReady
    {
        get
        {
            lock (gate)
            {
                return sessionsReady;
            }
        }
    }

    /// <summary>Asks the connected client to reconnect (op 7), as Discord does before moving a session.</summary>
    public Task SendReconnectAsync() => SendToCurrentAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Tells the connected client its session is invalid (op 9); <paramref name="resumable"/> is <c>d</c>.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => SendToCurrentAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });

    private void MapGateway(WebApplication application)
    {
        application.Map(GatewayPath, context => GatewayAsync(context));
        application.Map(ResumePath, context => GatewayAsync(context));
    }

    private async Task SendToCurrentAsync(JsonObject frame)
    {
        FakeGatewayConnection connection;
        lock (gate)
        {
            connection = current ?? throw new InvalidOperationException("No client is connected to the gateway.");
        }

        await connection.SendAsync(frame);
    }

    /// <summary>Sends a dispatch with the next sequence number to the connected client.</summary>
    private async Task DispatchAsync(string type, JsonObject data)
    {
        FakeGatewayConnection connection;
        JsonObject frame;
        lock (gate)
        {
            connection = current ?? throw new InvalidOperationException("No client is connected to the gateway.");
            frame = new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = ++sequence, ["d"] = data };
            dispatched.Add(frame);
        }

        await connection.SendAsync(frame);
    }

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(Interlocked.Increment(ref connectionCount), context.Request.Path, socket);
        if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            lock (gate)
            {
                violations.Add($"gateway: connected with '{context.Request.QueryString}', not ?v=10&encoding=json");
            }

            await connection.CloseAsync(4012, "Invalid API version");
            return;
        }

        await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = (long)Options.HeartbeatInterval.TotalMilliseconds } });
        var authenticated = false;
        try
        {
            while (true)
            {
                var (text, closeCode) = await connection.ReceiveAsync(context.RequestAborted);
                if (text is null)
                {
                    JournalFrame(connection, -1, null, closeCode);
                    await connection.CloseAsync(closeCode is null or 1005 or 1006 ? 1000 : closeCode.Value, string.Empty);
                    return;
                }

                JsonObject? frame;
                try
                {
                    frame = JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException)
                {
                    frame = null;
                }

                var op = frame?["op"] is JsonValue o && o.TryGetValue<int>(out var parsed) ? parsed : -2;
                JournalFrame(connection, op, frame?["d"]?.DeepClone(), null);
                switch (op)
                {
                    case -2:
                        await connection.CloseAsync(4002, "Error while decoding payload.");
                        return;
                    case 1:
                        if (Options.AcknowledgeHeartbeats)
                        {
                            await connection.SendAsync(new JsonObject { ["op"] = 11 });
                        }

                        break;
                    case 2 when authenticated:
                        await connection.CloseAsync(4005, "Already authenticated.");
                        return;
                    case 2:
                        if (frame!["d"]?["token"]?.ToString() != Options.BotToken)
                        {
                            await connection.CloseAsync(4004, "Authentication failed.");
                            return;
                        }

                        authenticated = true;
                        await IdentifiedAsync(connection, frame["d"]!);
                        break;
                    case 6 when authenticated:
                        await connection.CloseAsync(4005, "Already authenticated.");
                        return;
                    case 6:
                        if (frame!["d"]?["token"]?.ToString() != Options.BotToken)
                        {
                            await connection.CloseAsync(4004, "Authentication failed.");
                            return;
                        }

                        authenticated = await ResumedAsync(connection, frame["d"]!);
                        break;
                    case 3 or 4 or 8 when authenticated:
                        break;
                    case 3 or 4 or 8:
                        await connection.CloseAsync(4003, "Not authenticated.");
                        return;
                    default:
                        await connection.CloseAsync(4001, "Unknown opcode.");
                        return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            JournalFrame(connection, -1, null, null);
        }
        finally
        {
            lock (gate)
            {
                if (current == connection)
                {
                    current = null;
                }
            }
        }
    }

    private async Task IdentifiedAsync(FakeGatewayConnection connection, JsonNode identify)
    {
        if (identify["intents"] is not JsonValue intents || intents.GetValueKind() != JsonValueKind.Number)
        {
            await connection.CloseAsync(4013, "Invalid intent(s).");
            return;
        }

        JsonObject ready;
        lock (gate)
        {
            sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            sequence = 0;
            dispatched.Clear();
            current = connection;
            var origin = GatewayUrl.GetLeftPart(UriPartial.Authority);
            ready = new JsonObject
            {
                ["op"] = 0,
                ["t"] = "READY",
                ["s"] = ++sequence,
                ["d"] = new JsonObject
                {
                    ["v"] = 10,
                    ["session_id"] = sessionId,
                    ["resume_gateway_url"] = origin + ResumePath,
                    ["user"] = new JsonObject { ["id"] = Options.ApplicationId, ["username"] = "news-bot", ["bot"] = true },
                    ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
                    ["guilds"] = new JsonArray(),
                },
            };
            dispatched.Add(ready);
            sessionsReady++;
        }

        await connection.SendAsync(ready);
    }

    /// <summary>Replays what the client missed and sends RESUMED; a stale session or a sequence from the future gets op 9.</summary>
    private async Task<bool> ResumedAsync(FakeGatewayConnection connection, JsonNode resume)
    {
        var seq = resume["seq"] is JsonValue s && s.TryGetValue<long>(out var n) ? n : -1;
        List<JsonObject> missed;
        lock (gate)
        {
            if (sessionId is null || resume["session_id"]?.ToString() != sessionId || seq < 0 || seq > sequence)
            {
                violations.Add($"gateway: Resume with session {resume["session_id"]} and seq {seq}, expected {sessionId} and at most {sequence}");
                missed = [];
            }
            else
            {
                missed = dispatched.Where(f => f["s"]!.GetValue<long>() > seq).Select(f => (JsonObject)f.DeepClone()).ToList();
                missed.Add(new JsonObject { ["op"] = 0, ["t"] = "RESUMED", ["s"] = ++sequence, ["d"] = new JsonObject() });
                dispatched.Add((JsonObject)missed[^1].DeepClone());
                current = connection;
                sessionsReady++;
            }
        }

        if (missed.Count == 0)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return false;
        }

        foreach (var frame in missed)
        {
            await connection.SendAsync(frame);
        }

        return true;
    }

    private void JournalFrame(FakeGatewayConnection connection, int op, JsonNode? data, int? closeCode)
    {
        lock (gate)
        {
            frames.Add(new FakeGatewayFrame(connection.Number, connection.Path, op, data, closeCode, Options.Clock.GetUtcNow()));
        }
    }

    /// <summary>One accepted WebSocket; sends are serialised because tests and the read loop both send.</summary>
    private sealed class FakeGatewayConnection(int number, string path, WebSocket socket)
    {
        private readonly SemaphoreSlim sendLock = new(1, 1);

        public int Number { get; } = number;

        public string Path { get; } = path;

        public async Task SendAsync(JsonObject frame)
        {
            var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
            await sendLock.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
            }
            finally
            {
                sendLock.Release();
            }
        }

        public async Task CloseAsync(int code, string reason)
        {
            await sendLock.WaitAsync();
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, limit.Token);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
            }
            finally
            {
                sendLock.Release();
            }
        }

        /// <summary>The next text message, or null and the close code when the client closed.</summary>
        public async Task<(string? Text, int? CloseCode)> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[4096];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (null, result.CloseStatus is { } status ? (int)status : null);
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > 4096)
                {
                    // Discord closes 4002 for payloads over 4096 bytes; the test sees the violation.
                    return (null, 4002);
                }

                if (result.EndOfMessage)
                {
                    return (Encoding.UTF8.GetString(message.ToArray()), null);
                }
            }
        }

        public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
    }
}
