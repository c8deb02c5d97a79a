namespace Bot.Host.Http.Admin;

/// <summary>The body of every admin API error: one line.</summary>
public sealed record AdminError(string Error);
