namespace Bot.Host.Cli;

/// <summary>A mistake in what the user asked for: printed as one line, exit code 1, no stack trace.</summary>
public sealed class UserErrorException(string message) : Exception(message);
