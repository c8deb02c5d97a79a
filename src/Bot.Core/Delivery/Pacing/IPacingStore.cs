namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// Send budgets shared by the hosts of one store, on its clock (<see cref="SharedSendPacer"/>). One exchange, in one
/// transaction, reports what this host holds and uses and asks for what it wants: shares of channel-wide budgets,
/// targets to send to (or to give back, with their recent requests), and platform holds to pass on to every host.
/// </summary>
public interface IPacingStore
{
    Task<PacingExchange> ExchangeAsync(PacingRequest request, CancellationToken cancellationToken);
}
