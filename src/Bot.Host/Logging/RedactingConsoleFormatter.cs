using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bot.Host.Logging;

/// <summary>
/// One line per entry (<c>time level category: message</c>, then the exception), passed through the
/// <see cref="SecretRedactor"/> last, so no message template or exception text can carry a token out.
/// </summary>
public sealed class RedactingConsoleFormatter(
    IOptionsMonitor<ConsoleFormatterOptions> options,
    SecretRedactor redactor,
    TimeProvider timeProvider) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "bot";

    public override void Write<TState>(
        in LogEntry<TState> logEntry,
        IExternalScopeProvider? scopeProvider,
        TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var current = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var time = current.UseUtcTimestamp ? now : now.ToLocalTime();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{time.ToString(current.TimestampFormat ?? "yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture)} {Level(logEntry.LogLevel)} {logEntry.Category}: {message}");
        if (logEntry.Exception is not null)
        {
            line += Environment.NewLine + logEntry.Exception;
        }

        textWriter.WriteLine(redactor.Redact(line));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
