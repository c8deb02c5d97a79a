using Bot.Core.Storage;
using Bot.Storage.Articles;
using Bot.Storage.Migrations;
using Bot.Storage.Postgres;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by <c>Store:Provider</c> (sqlite or postgres) with <c>Store:ConnectionString</c>:
    /// <see cref="IArticleStore"/>, <see cref="IStoreHealth"/>, and for further stores
    /// <see cref="IDbConnectionFactory"/> and its <see cref="SqlDialect"/>. A bad section fails start-up
    /// (or the first resolve) with a message naming the key.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        UtcDateTimeOffsetHandler.Register();

        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CreateConnectionFactory(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<IDbConnectionFactory>().Dialect);
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<IArticleStore, SqlArticleStore>();
        services.TryAddSingleton<IStoreHealth, StoreHealth>();
        services.TryAddSingleton<IBotStateStore, SqlBotStateStore>();
        return services;
    }

    private static IDbConnectionFactory CreateConnectionFactory(StoreOptions options) =>
        options.Provider.Trim().Equals(StoreOptions.Postgres, StringComparison.OrdinalIgnoreCase)
            ? new PostgresConnectionFactory(options.ConnectionString)
            : new SqliteConnectionFactory(options.ConnectionString);
}
