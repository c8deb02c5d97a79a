using Bot.Core.Rendering;
using Bot.Host.Configuration;
using Bot.Host.Delivery;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Cli;

/// <summary>
/// Loads the templates a verb renders with, or prints every problem as <c>path:line:col: message</c> so that a
/// broken template stops the verb before it does anything, with no stack trace.
/// </summary>
public static class TemplateGuard
{
    /// <summary>The templates folder in effect: <see cref="DeliveryHostOptions.ResolveTemplatesFolder"/> of section <c>Delivery</c>.</summary>
    public static string TemplatesFolder(IConfiguration configuration) =>
        (configuration.GetSection("Delivery").Get<DeliveryHostOptions>() ?? new DeliveryHostOptions()).ResolveTemplatesFolder();

    /// <summary>The renderer, or null after writing one line per problem to <paramref name="error"/>.</summary>
    public static MessageRenderer? TryLoad(IConfiguration configuration, TimeProvider timeProvider, TextWriter error)
    {
        try
        {
            return new MessageRenderer(TemplatesFolder(configuration), timeProvider);
        }
        catch (TemplateCatalogException e)
        {
            foreach (var problem in e.Problems)
            {
                error.WriteLine(Format(problem));
            }

            error.WriteLine($"bot: {e.Problems.Count} template problem(s); nothing was started (details: 'bot check')");
            return null;
        }
    }

    /// <summary><c>path:line:col: message</c>, the path relative to the working directory when inside it.</summary>
    public static string Format(TemplateProblem problem) =>
        (problem with { Path = BotConfiguration.Relative(Path.GetFullPath(problem.Path)) }).ToString();
}
