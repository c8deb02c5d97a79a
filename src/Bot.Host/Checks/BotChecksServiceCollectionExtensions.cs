using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Checks;

public static class BotChecksServiceCollectionExtensions
{
    /// <summary>Every <see cref="IBotCheck"/> of <c>bot check</c>, in the order they report.</summary>
    public static IServiceCollection AddBotChecks(this IServiceCollection services)
    {
        services.AddSingleton<IBotCheck, ConfigurationCheck>();
        return services;
    }
}
