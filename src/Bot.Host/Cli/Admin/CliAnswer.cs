namespace Bot.Host.Cli.Admin;

/// <summary>
/// What a verb prints for an admin reply: <paramref name="Output"/>, whole lines for standard output, or for the
/// user's mistake the one-line <paramref name="Error"/> (standard error, exit code 1).
/// </summary>
public sealed record CliAnswer(string Output, string? Error = null)
{
    public static CliAnswer Failed(string error) => new(string.Empty, error);
}
