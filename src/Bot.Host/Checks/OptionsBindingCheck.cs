using Bot.Host.Configuration;
using Bot.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Checks;

/// <summary>
/// Binds every options class that <c>bot run</c> would bind (<see cref="BoundOptions"/>), so that a value the
/// binder cannot read, such as <c>Delivery:PollInterval=abc</c>, is listed with its key like any other problem.
/// The run host is composed for it, never started.
/// </summary>
public sealed class OptionsBindingCheck(IConfiguration configuration) : IBotCheck
{
    public async Task<IReadOnlyList<CheckProblem>> CheckAsync(CancellationToken cancellationToken)
    {
        IServiceCollection? composed = null;
        await using var app = BotWebHost.Build(configuration, services => composed = services);
        // A key the rules already explained (an enum's allowed names, a port) is not reported twice.
        var explained = ConfigurationRules.Validate(configuration).Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. BoundOptions.Bind(composed!, app.Services).Where(p => p.Key is null || !explained.Contains(p.Key))];
    }
}
