using Bot.Host.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class RedactingConsoleFormatterTests
{
    [Fact]
    public void Write_MessageAndExceptionWithToken_NeitherShowsIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Telegram:BotToken", "987654:configured-secret")])
            .Build();
        var formatter = new RedactingConsoleFormatter(
            new StaticOptionsMonitor(new ConsoleFormatterOptions { UseUtcTimestamp = true }),
            new SecretRedactor(configuration),
            new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var exception = new HttpRequestException("GET https://api.telegram.org/bot111:other-secret/getMe failed");
        var entry = new LogEntry<string>(LogLevel.Error, "Bot.Channels.Telegram", new EventId(1), "sending with 987654:configured-secret", exception, (s, _) => s);
        var output = new StringWriter();

        formatter.Write(entry, null, output);

        var text = output.ToString();
        Assert.StartsWith("2026-01-02T03:04:05.000+00:00 fail Bot.Channels.Telegram: sending with ***", text);
        Assert.DoesNotContain("configured-secret", text);
        Assert.DoesNotContain("other-secret", text);
        Assert.Contains("api.telegram.org/bot***/getMe", text);
    }

    private sealed class StaticOptionsMonitor(ConsoleFormatterOptions value) : IOptionsMonitor<ConsoleFormatterOptions>
    {
        public ConsoleFormatterOptions CurrentValue => value;

        public ConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ConsoleFormatterOptions, string?> listener) => null;
    }
}
