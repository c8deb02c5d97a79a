using Bot.Core.Delivery;
using Bot.Core.Delivery.Configuration;
using Bot.Core.Rendering;
using Bot.Host.Cli;
using Bot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Checks;

/// <summary>
/// Every template file, default and named sets, parsed and rendered strictly against sample articles, and every
/// destination's template set looked up (<see cref="TemplateCheck"/>).
/// </summary>
public sealed class TemplatesCheck(IConfiguration configuration, TimeProvider timeProvider) : IBotCheck
{
    public Task<IReadOnlyList<CheckProblem>> CheckAsync(CancellationToken cancellationToken)
    {
        var problems = TemplateCheck.Check(TemplateGuard.TemplatesFolder(configuration), Destinations(), timeProvider);
        IReadOnlyList<CheckProblem> found = [.. problems.Select(p => new CheckProblem(
            p.Message,
            File: BotConfiguration.Relative(Path.GetFullPath(p.Path)),
            Line: p.Line,
            Column: p.Column))];
        return Task.FromResult(found);
    }

    /// <summary>The destinations that read cleanly; the configuration rules report the others.</summary>
    private IEnumerable<Destination> Destinations() =>
        DestinationSettingsReader.Read(configuration.AsEnumerable()).Destinations;
}
