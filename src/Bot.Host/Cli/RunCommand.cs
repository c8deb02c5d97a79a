using System.CommandLine;
using Bot.Host.Hosting;
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
        var command = new Command("run", "Run the bot: watch the inbox and the store, dispatch announcements, serve HTTP; Ctrl-C or SIGTERM drains and stops");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = context.LoadConfiguration(parseResult, Defaults);
        ConfigurationGuard.ThrowIfInvalid(configuration, storeOnly: false);
        await using var app = BotWebHost.Build(configuration);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException($"cannot listen on Http:Urls: {e.Message.TrimEnd('.')}");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
