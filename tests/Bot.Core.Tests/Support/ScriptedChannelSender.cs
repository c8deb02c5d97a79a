using System.Collections.Concurrent;
using Bot.Core.Channels;

namespace Bot.Core.Tests.Support;

/// <summary>
/// Collects every call and answers from a script: queued outcomes first (per call, in order), then success with
/// fresh remote ids. Each call passes the delivery's send budget first, as one platform request would, and comes back
/// paced when the budget has no room. Optionally yields before answering, so parallel dispatch really interleaves.
/// </summary>
public sealed class ScriptedChannelSender(string channel) : IChannelSender
{
    private readonly ConcurrentQueue<Func<SendCall, CancellationToken, Task<SendOutcome>>> _script = new();
    private readonly Lock _gate = new();
    private readonly List<SendCall> _calls = [];
    private readonly Dictionary<string, int> _inFlight = [];
    private int _nextId;

    public string Channel => channel;

    /// <summary>Makes sends take a little real time, to interleave parallel deliveries.</summary>
    public bool Yield { get; init; }

    /// <summary>The most sends to one destination and address that were ever under way at once.</summary>
    public int MaxConcurrentPerTarget { get; private set; }

    public IReadOnlyList<SendCall> Calls
    {
        get
        {
            lock (_gate) return _calls.ToList();
        }
    }

    public ScriptedChannelSender Then(Func<SendCall, SendOutcome> answer) => ThenAsync((call, _) => Task.FromResult(answer(call)));

    public ScriptedChannelSender ThenAsync(Func<SendCall, CancellationToken, Task<SendOutcome>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ScriptedChannelSender Then(SendOutcome outcome) => Then(_ => outcome);

    public Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken) =>
        CallAsync(new SendCall("send", target, message, alreadySent), cancellationToken);

    public Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        CallAsync(new SendCall("edit", target, message, remoteIds), cancellationToken);

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        CallAsync(new SendCall("delete", target, null, remoteIds), cancellationToken);

    private async Task<SendOutcome> CallAsync(SendCall call, CancellationToken cancellationToken)
    {
        using var slot = call.Target.Gate.TryEnter(out var notBefore);
        if (slot is null) return new SendOutcome.Paced(call.Action == "send" ? call.Ids : [], notBefore);
        var key = call.Target.Destination + "|" + call.Target.Address;
        lock (_gate)
        {
            _calls.Add(call);
            _inFlight[key] = _inFlight.GetValueOrDefault(key) + 1;
            MaxConcurrentPerTarget = Math.Max(MaxConcurrentPerTarget, _inFlight[key]);
        }
        try
        {
            if (Yield) await Task.Delay(Random.Shared.Next(1, 4), cancellationToken);
            if (_script.TryDequeue(out var answer)) return await answer(call, cancellationToken);
            return new SendOutcome.Sent(DefaultIds(call));
        }
        finally
        {
            lock (_gate) _inFlight[key]--;
        }
    }

    private List<string> DefaultIds(SendCall call)
    {
        var parts = call.Message switch
        {
            TelegramMessage t => t.Parts.Count,
            DiscordMessage d => d.Parts.Count,
            null => 0,
            _ => 1,
        };
        if (call.Action == "delete") return [];
        var ids = call.Action == "edit" ? call.Ids.Take(parts).ToList() : call.Ids.ToList();
        while (ids.Count < parts) ids.Add($"{channel}-{Interlocked.Increment(ref _nextId)}");
        return ids;
    }
}
