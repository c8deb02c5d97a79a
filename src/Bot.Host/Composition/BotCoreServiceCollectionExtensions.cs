using Bot.Host.Logging;
using Bot.Host.Sources;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Composition;

public static class BotCoreServiceCollectionExtensions
{
    /// <summary>
    /// What every verb shares: the clock, the store chosen by <c>Store:*</c>, logging with secrets
    /// redacted, and the article import path. Workers and HTTP are added by <c>run</c> alone.
    /// </summary>
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration);
        services.AddBotLogging(configuration);

        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.Section));
        services.TryAddSingleton<IArticleFeed, ArticleFeed>();
        services.TryAddSingleton<ArticleImporter>();

        services.AddBotStorage(configuration);
        return services;
    }
}
