using System.CommandLine;
using System.CommandLine.Parsing;
using Bot.Host.Configuration;
using Bot.Host.Hosting;
using Bot.Host.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Bot.Host.Cli;

/// <summary>
/// The <c>bot</c> command line: every verb is registered in <see cref="Verbs"/>, and every failure ends
/// here as one line on stderr — exit 1 for the user's mistakes, 2 for the bot's own.
/// </summary>
public static partial class BotCommandLine
{
    /// <summary>One line per verb; each verb lives in <c>Cli/&lt;Verb&gt;Command.cs</c>.</summary>
    private static readonly Func<CliContext, Command>[] Verbs =
    [
        RunCommand.Create,
        ImportCommand.Create,
        ArticlesCommand.Create,
        CheckCommand.Create,
        PreviewCommand.Create,
        DeliveriesCommand.Create,
        RetryCommand.Create,
        RetractCommand.Create,
        SubscribersCommand.Create,
        HostsCommand.Create,
    ];

    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("bot: announces news articles on Telegram, Discord and email. Configuration overrides: --Section:Key=value.")
        {
            GlobalOptions.Config,
        };
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb(context));
        }

        return root;
    }

    public static async Task<int> InvokeAsync(
        string[] args,
        IAnsiConsole console,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var (tokens, overrides) = ConfigurationArguments.Split(args);
        var context = new CliContext(console, output, error, overrides);
        var root = CreateRoot(context);
        // "@file" is a path to import, not a response file.
        var parseResult = root.Parse(tokens, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0 || HasOptionLikeArgument(parseResult))
        {
            error.WriteLine($"bot: {Describe(parseResult)}");
            return 1;
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = output,
                    Error = error,
                    EnableDefaultExceptionHandler = false,
                    // SIGTERM must leave the host its full drain before the process is ended under it.
                    ProcessTerminationTimeout = BotWebHost.ShutdownTimeout + TimeSpan.FromSeconds(10),
                },
                cancellationToken);
        }
        catch (UserErrorException e)
        {
            error.WriteLine($"bot: {e.Message}");
            return 1;
        }
        catch (Exception e) when (BindingFailure.TryDescribe(e, out var problem))
        {
            error.WriteLine($"bot: {ConfigurationGuard.Describe(problem)}");
            return 1;
        }
        catch (OptionsValidationException e)
        {
            error.WriteLine($"bot: configuration: {string.Join("; ", e.Failures)}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("bot: interrupted");
            return 130;
        }
        catch (Exception e)
        {
            var line = ReportUnexpected(parseResult, overrides, e);
            error.WriteLine($"bot: unexpected error: {line} (details logged above)");
            return 2;
        }
    }

    /// <summary>One line for a parse error, in the bot's own words where the parser's are vague.</summary>
    private static bool HasOptionLikeArgument(ParseResult parseResult) => OptionLikeArgument(parseResult) is not null;

    // A variadic argument swallows "--typo" as a value; before "--" such a token is an option.
    private static Token? OptionLikeArgument(ParseResult parseResult) =>
        parseResult.Tokens
            .TakeWhile(t => t.Type != TokenType.DoubleDash)
            .FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-' && !char.IsDigit(t.Value[1]));

    private static string Describe(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var hint = command is RootCommand ? "see 'bot --help'" : $"see 'bot {command.Name} --help'";
        var optionLike = OptionLikeArgument(parseResult);
        if (parseResult.UnmatchedTokens.Count > 0 || optionLike is not null)
        {
            var token = parseResult.UnmatchedTokens.Count > 0 ? parseResult.UnmatchedTokens[0] : optionLike!.Value;
            var what = token.StartsWith('-') ? $"unknown option '{token}'"
                : command is RootCommand ? $"unknown verb '{token}'"
                : $"unexpected argument '{token}'";
            return $"{what} ({hint})";
        }

        if (command is RootCommand && parseResult.Tokens.Count == 0)
        {
            return $"missing verb ({hint})";
        }

        // Some parser messages list the allowed values one per line; the reason must stay one line.
        var message = string.Join(' ', parseResult.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{message.TrimEnd('.')} ({hint})";
    }

    /// <summary>Logs the whole exception through the redacting logger; returns its first line, redacted too.</summary>
    private static string ReportUnexpected(ParseResult parseResult, IReadOnlyList<string> overrides, Exception exception)
    {
        IConfiguration configuration;
        try
        {
            configuration = BotConfiguration.Build(parseResult.GetValue(GlobalOptions.Config), overrides);
        }
        catch (Exception)
        {
            configuration = new ConfigurationBuilder().Build();
        }

        using var services = new ServiceCollection()
            .AddBotLogging(new ConfigurationBuilder()
                .AddInMemoryCollection([new("Logging:Console:LogToStandardErrorThreshold", "Trace")])
                .AddConfiguration(configuration)
                .Build())
            .BuildServiceProvider();
        LogUnexpected(services.GetRequiredService<ILoggerFactory>().CreateLogger("bot"), exception);
        return services.GetRequiredService<SecretRedactor>().Redact(exception.Message.Split('\n', 2)[0].Trim());
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
