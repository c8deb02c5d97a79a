namespace Bot.Core.Hosts;

/// <summary>A singleton the asking host holds after <see cref="ISingletonStore.TakeAsync"/>.</summary>
/// <param name="SinceLastRun">How long ago its work last ran, on the store's clock; null when it never did.</param>
public sealed record SingletonTerm(string Name, long Term, TimeSpan? SinceLastRun);
