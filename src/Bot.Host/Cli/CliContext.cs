using System.CommandLine;
using Bot.Core.Storage;
using Bot.Host.Composition;
using Bot.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Bot.Host.Cli;

/// <summary>
/// What a verb needs from the process: where to write, the configuration overrides taken off the
/// command line, and a way to build its services. Verbs write only here, never to <see cref="Console"/>,
/// so tests can run them in-process.
/// </summary>
public sealed class CliContext(IAnsiConsole console, TextWriter output, TextWriter error, IReadOnlyList<string> overrides)
{
    /// <summary>Log levels for verbs other than <c>run</c>: quiet, and on stderr so stdout stays parseable.</summary>
    private static readonly KeyValuePair<string, string?>[] CommandDefaults =
    [
        new("Logging:LogLevel:Default", "Warning"),
        new("Logging:Console:LogToStandardErrorThreshold", "Trace"),
    ];

    public IAnsiConsole Console { get; } = console;

    /// <summary>Plain standard output, for lines scripts read.</summary>
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IReadOnlyList<string> Overrides { get; } = overrides;

    /// <summary>The configuration stack for this invocation, with <paramref name="defaults"/> at the bottom.</summary>
    public IConfigurationRoot LoadConfiguration(ParseResult parseResult, IEnumerable<KeyValuePair<string, string?>>? defaults = null) =>
        BotConfiguration.Build(parseResult.GetValue(GlobalOptions.Config), Overrides, defaults ?? CommandDefaults);

    /// <summary>
    /// A host without workers for a one-shot verb: <see cref="BotCoreServiceCollectionExtensions.AddBotCore"/>
    /// plus whatever <paramref name="configure"/> adds. The caller disposes it.
    /// </summary>
    public IHost BuildHost(IConfigurationRoot configuration, Action<IServiceCollection>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddBotCore(configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Builds a host, migrates the store (a fresh machine has no schema yet) and runs <paramref name="action"/>.</summary>
    public Task<int> WithStoreAsync(
        ParseResult parseResult,
        Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken) =>
        WithStoreAsync(parseResult, configure: null, action, cancellationToken);

    /// <summary>As above, with the services <paramref name="configure"/> adds to the host.</summary>
    public async Task<int> WithStoreAsync(
        ParseResult parseResult,
        Action<IServiceCollection>? configure,
        Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        var configuration = LoadConfiguration(parseResult);
        ConfigurationGuard.ThrowIfInvalid(configuration, storeOnly: true);
        using var host = BuildHost(configuration, configure);
        await host.Services.GetRequiredService<IStoreHealth>().MigrateAsync(cancellationToken);
        return await action(host.Services, cancellationToken);
    }
}
