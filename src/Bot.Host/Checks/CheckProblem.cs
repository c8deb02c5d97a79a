namespace Bot.Host.Checks;

/// <summary>
/// One thing <c>bot check</c> found wrong. A problem in a file gives <see cref="File"/>, <see cref="Line"/>
/// and <see cref="Column"/> (1-based); a configuration problem gives the <see cref="Key"/> and the
/// command looks up where that value came from.
/// </summary>
public sealed record CheckProblem(string Message, string? Key = null, string? File = null, int Line = 0, int Column = 0);
