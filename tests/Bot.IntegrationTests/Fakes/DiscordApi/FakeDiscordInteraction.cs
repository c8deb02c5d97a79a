using System.Text.Json.Nodes;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>An interaction the fake dispatched, and every answer the bot gave to it.</summary>
public sealed class FakeDiscordInteraction(string id, string token, ulong userId, string command, DateTimeOffset createdAt)
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> callbacks = [];
    private readonly List<JsonObject> edits = [];
    private JsonObject? answer;

    public string Id { get; } = id;

    public string Token { get; } = token;

    public ulong UserId { get; } = userId;

    public string Command { get; } = command;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Bodies of every callback accepted (only ever one) and rejected, in order.</summary>
    public IReadOnlyList<JsonObject> Callbacks
    {
        get
        {
            lock (gate)
            {
                return callbacks.ToArray();
            }
        }
    }

    /// <summary>Bodies of accepted <c>PATCH …/messages/@original</c>.</summary>
    public IReadOnlyList<JsonObject> Edits
    {
        get
        {
            lock (gate)
            {
                return edits.ToArray();
            }
        }
    }

    /// <summary>Whether the first answer was accepted.</summary>
    public bool Acknowledged { get; private set; }

    /// <summary>The type of the accepted first answer (4 message, 5 deferred).</summary>
    public int? ResponseType { get; private set; }

    /// <summary>Whether only the invoker sees the reply: flag 64 on the first answer.</summary>
    public bool Ephemeral { get; private set; }

    /// <summary>What the invoker sees now: the last edit's content, else the first answer's; null while "thinking…".</summary>
    public string? Reply
    {
        get
        {
            lock (gate)
            {
                return edits.Count > 0 ? edits[^1]["content"]?.ToString() : ResponseType == 4 ? answer?["data"]?["content"]?.ToString() : null;
            }
        }
    }

    internal void Acknowledge(JsonObject body)
    {
        lock (gate)
        {
            callbacks.Add(body);
            answer = body;
            Acknowledged = true;
            ResponseType = body["type"]!.GetValue<int>();
            Ephemeral = body["data"]?["flags"] is JsonValue f && (f.GetValue<int>() & 64) != 0;
        }
    }

    internal void Refused(JsonObject body)
    {
        lock (gate)
        {
            callbacks.Add(body);
        }
    }

    internal void Edit(JsonObject body)
    {
        lock (gate)
        {
            edits.Add(body);
        }
    }
}
