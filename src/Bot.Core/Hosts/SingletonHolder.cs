namespace Bot.Core.Hosts;

/// <summary>A singleton lease as the store has it.</summary>
/// <param name="Remaining">How long the lease still runs on the store's clock; negative once it ran out.</param>
public sealed record SingletonHolder(string Name, string Holder, long Term, TimeSpan Remaining);
