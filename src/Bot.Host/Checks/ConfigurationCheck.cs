using Microsoft.Extensions.Configuration;

namespace Bot.Host.Checks;

/// <summary>The configuration rules as an <see cref="IBotCheck"/>.</summary>
public sealed class ConfigurationCheck(IConfiguration configuration) : IBotCheck
{
    public Task<IReadOnlyList<CheckProblem>> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CheckProblem>>(ConfigurationRules.Validate(configuration).ToList());
}
