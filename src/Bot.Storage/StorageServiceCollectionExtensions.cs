using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by <c>Store:Provider</c> (sqlite or postgres) with <c>Store:ConnectionString</c>:
    /// <see cref="Bot.Core.Storage.IArticleStore"/> and <see cref="Bot.Core.Storage.IStoreHealth"/>.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration) =>
        throw new NotImplementedException();
}
