namespace Bot.Core.Rendering;

/// <summary><c>destination</c> in templates.</summary>
public sealed record DestinationModel(string Name, string Channel);
