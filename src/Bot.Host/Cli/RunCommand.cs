using System.CommandLine;
using Bot.Core.Rendering;
using Bot.Host.Hosting;
using Bot.Host.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Cli;

public static class RunCommand
{
    private static readonly KeyValuePair<string, string?>[] Defaults =
    [
        new("Logging:LogLevel:Default", "Information"),
        new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
        new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information"),
    ];

    public static Command Create(CliContext context)
    {
        var command = new Command("run", "Run the bot: watch the inbox, feeds and store, dispatch announcements, serve HTTP; Ctrl-C or SIGTERM drains and stops");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = context.LoadConfiguration(parseResult, Defaults);
        ConfigurationGuard.ThrowIfInvalid(configuration, storeOnly: false);
        MessageRenderer? renderer = null;
        IServiceCollection? composed = null;
        await using var app = BotWebHost.Build(configuration, services =>
        {
            services.AddSingleton<IMessageRenderer>(_ => renderer!);
            composed = services;
        });
        ConfigurationGuard.ThrowIfUnbindable(composed!, app.Services);

        // Parsed before the host starts: a broken template must stop the bot here, not fail every delivery later.
        renderer = TemplateGuard.TryLoad(configuration, TimeProvider.System, context.Error);
        if (renderer is null)
        {
            return 1;
        }

        return await RunHostAsync(app, context.Error, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="app"/> until <paramref name="cancellationToken"/> (SIGTERM, Ctrl-C) or the host
    /// stops itself. A worker that died takes the host down with it; the exit code then says so (2), so a
    /// supervisor restarts the bot instead of taking the stop for a clean one.
    /// </summary>
    public static async Task<int> RunHostAsync(WebApplication app, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException($"cannot listen on Http:Urls: {e.Message.TrimEnd('.')}");
        }
        catch (OperationCanceledException)
        {
            // Start-up was cut short by a stop (a signal, or a worker that died at once); the stop is
            // completed and judged below like any other.
        }

        await app.WaitForShutdownAsync(cancellationToken);

        var failed = app.Services.GetServices<IHostedService>()
            .OfType<BackgroundService>()
            .FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true });
        if (failed is null)
        {
            return 0;
        }

        var reason = failed.ExecuteTask!.Exception!.GetBaseException().Message.Split('\n', 2)[0].Trim();
        error.WriteLine($"bot: {failed.GetType().Name} failed and stopped the host: {app.Services.GetRequiredService<SecretRedactor>().Redact(reason)}");
        return 2;
    }
}
