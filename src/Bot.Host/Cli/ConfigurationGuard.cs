using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Cli;

/// <summary>Stops a verb on a broken configuration with one line naming the key.</summary>
public static class ConfigurationGuard
{
    public static void ThrowIfInvalid(IConfiguration configuration, bool storeOnly)
    {
        var problems = (storeOnly ? ConfigurationRules.ValidateStore(configuration) : ConfigurationRules.Validate(configuration)).ToList();
        if (problems.Count == 0)
        {
            return;
        }

        var first = problems[0];
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more: run 'bot check')" : "";
        throw new UserErrorException($"configuration: {first.Key}: {first.Message}{more}");
    }
}
