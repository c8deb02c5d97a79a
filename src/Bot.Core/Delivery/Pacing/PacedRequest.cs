namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// One request's place in the windows of its budgets: under way from the grant until its slot is disposed, then counted
/// from that moment (<see cref="At"/>). Disposing tells the pacer, which owns the bookkeeping and its lock.
/// </summary>
internal sealed class PacedRequest(Action<PacedRequest> finish, DateTimeOffset at) : IDisposable
{
    public DateTimeOffset At { get; set; } = at;

    public bool UnderWay { get; set; } = true;

    /// <summary>A request another host made, handed over with a target: finished at <paramref name="at"/>.</summary>
    public static PacedRequest Finished(DateTimeOffset at) => new(_ => { }, at) { UnderWay = false };

    public void Dispose() => finish(this);
}
