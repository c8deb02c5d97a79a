using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bot.Host.Logging;

public static class BotLoggingServiceCollectionExtensions
{
    /// <summary>
    /// The console as the only log sink, levels from the <c>Logging</c> section, every line through the
    /// <see cref="SecretRedactor"/>.
    /// </summary>
    public static IServiceCollection AddBotLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SecretRedactor(configuration));
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddConfiguration(configuration.GetSection("Logging"));
            // A request log line carries the full URI, and a Telegram URI carries the token.
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            logging.AddConsole(o => o.FormatterName = RedactingConsoleFormatter.FormatterName);
            logging.AddConsoleFormatter<RedactingConsoleFormatter, ConsoleFormatterOptions>(o => o.UseUtcTimestamp = true);
        });
        return services;
    }
}
