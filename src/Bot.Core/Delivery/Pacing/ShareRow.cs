namespace Bot.Core.Delivery.Pacing;

/// <summary>Another host's row of a shared budget, as the store has it.</summary>
/// <param name="Holder">Its holder; a row of capacity given back carries the giver's name and a suffix.</param>
/// <param name="Remaining">How long it still lives; negative once its holder stopped renewing it or gave it back.</param>
/// <param name="Demand">How many targets its holder had sends for in the last demand window, when it last said.</param>
public sealed record ShareRow(string Holder, int Share, bool Wanted, TimeSpan Remaining, int Demand = 1);
