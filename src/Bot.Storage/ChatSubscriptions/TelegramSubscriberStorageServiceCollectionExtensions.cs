using Bot.Core.ChatSubscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Storage.ChatSubscriptions;

public static class TelegramSubscriberStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ITelegramSubscriberStore"/> on the database chosen by <see cref="StorageServiceCollectionExtensions.AddBotStorage"/>, which must be called too.</summary>
    public static IServiceCollection AddTelegramSubscriberStore(this IServiceCollection services)
    {
        services.TryAddSingleton<ITelegramSubscriberStore, SqlTelegramSubscriberStore>();
        return services;
    }
}
