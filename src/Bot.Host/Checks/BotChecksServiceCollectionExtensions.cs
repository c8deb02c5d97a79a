using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Checks;

public static class BotChecksServiceCollectionExtensions
{
    /// <summary>
    /// The checks <c>bot check</c> runs after the configuration rules (<see cref="ConfigurationRules"/>), in
    /// the order they report: one <c>services.AddSingleton&lt;IBotCheck, …&gt;()</c> line each.
    /// </summary>
    public static IServiceCollection AddBotChecks(this IServiceCollection services)
    {
        services.AddSingleton<IBotCheck, OptionsBindingCheck>();
        services.AddSingleton<IBotCheck, TemplatesCheck>();
        return services;
    }
}
