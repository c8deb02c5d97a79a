using Bot.Host.Checks;
using Bot.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>Stops a verb on a broken configuration with one line naming the key.</summary>
public static class ConfigurationGuard
{
    public static void ThrowIfInvalid(IConfiguration configuration, bool storeOnly)
    {
        ThrowIfAny([.. storeOnly ? ConfigurationRules.ValidateStore(configuration) : ConfigurationRules.Validate(configuration)]);
    }

    /// <summary>Stops before the host starts when an options class of <paramref name="services"/> cannot be bound or is invalid.</summary>
    public static void ThrowIfUnbindable(IServiceCollection services, IServiceProvider provider) =>
        ThrowIfAny(BoundOptions.Bind(services, provider));

    /// <summary>The line for a problem: <c>configuration: KEY: message</c>, or without the key when a validator gave none.</summary>
    public static string Describe(CheckProblem problem) =>
        problem.Key is null ? $"configuration: {problem.Message}" : $"configuration: {problem.Key}: {problem.Message}";

    private static void ThrowIfAny(IReadOnlyList<CheckProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more: run 'bot check')" : "";
        throw new UserErrorException(Describe(problems[0]) + more);
    }
}
