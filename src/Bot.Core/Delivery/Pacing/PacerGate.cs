using Bot.Core.Channels;

namespace Bot.Core.Delivery.Pacing;

/// <summary>The gate a sender passes for one delivery: the pacer's budgets for that channel and target.</summary>
public sealed class PacerGate(ISendPacer pacer, string channel, string target) : IRequestGate
{
    public IDisposable? TryEnter(out DateTimeOffset notBefore) => pacer.TryEnter(channel, target, out notBefore);
}
