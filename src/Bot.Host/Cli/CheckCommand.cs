using System.CommandLine;
using Bot.Host.Checks;
using Bot.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("check", "Validate the configuration and every template; prints file:line:col: message per problem, exit 1 if any");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = context.LoadConfiguration(parseResult);
            var problems = new List<CheckProblem>(ConfigurationRules.Validate(configuration));
            // The checks beyond the configuration rules (templates, …) need the composed services,
            // which a broken configuration may not even compose.
            try
            {
                using var host = context.BuildHost(configuration, services => services.AddBotChecks());
                var reported = problems.Select(p => p.Key).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var check in host.Services.GetServices<IBotCheck>())
                {
                    // A key the configuration rules already named is not reported again in the options' own words.
                    problems.AddRange((await check.CheckAsync(cancellationToken))
                        .Where(p => !reported.Contains(p.Key ?? "") && !reported.Any(k => p.Key is null && p.Message.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase))));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && problems.Count > 0)
            {
                // Already explained by the configuration problems listed.
            }

            var locator = new ProblemLocator(configuration);
            foreach (var problem in problems)
            {
                context.Output.WriteLine(locator.Format(problem));
            }

            context.Output.WriteLine(problems.Count == 0 ? "configuration ok" : $"{problems.Count} problem(s)");
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Names the file position of a configuration value when it came from the JSON file.</summary>
    private sealed class ProblemLocator(IConfigurationRoot configuration)
    {
        private readonly string? _file = BotConfiguration.JsonFilePath(configuration);
        private JsonKeyPositions? _positions;

        public string Format(CheckProblem problem)
        {
            if (problem.File is not null)
            {
                return problem.Line > 0
                    ? $"{problem.File}:{problem.Line}:{Math.Max(1, problem.Column)}: {problem.Message}"
                    : $"{problem.File}: {problem.Message}";
            }

            if (problem.Key is null)
            {
                return $"config: {problem.Message}";
            }

            if (_file is not null && FromJsonFile(problem.Key))
            {
                _positions ??= JsonKeyPositions.Read(_file);
                // A missing key (a destination without a Name) points at the entry it is missing from.
                foreach (var key in new[] { problem.Key, Parent(problem.Key) })
                {
                    if (key.Length > 0 && _positions.TryGet(key, out var line, out var column))
                    {
                        return $"{BotConfiguration.Relative(_file)}:{line}:{column}: {problem.Key}: {problem.Message}";
                    }
                }
            }

            return $"config: {problem.Key}: {problem.Message}";
        }

        /// <summary>True when the JSON file supplies the value in effect, or when nothing supplies it at all.</summary>
        private bool FromJsonFile(string key)
        {
            foreach (var provider in configuration.Providers.Reverse())
            {
                if (provider.TryGet(key, out _))
                {
                    return provider is JsonConfigurationProvider;
                }
            }

            return true;
        }

        private static string Parent(string key)
        {
            var colon = key.LastIndexOf(':');
            return colon < 0 ? "" : key[..colon];
        }
    }
}
