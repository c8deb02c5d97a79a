using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Storage.Subscribers;

public static class SubscriberStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISubscriberStore"/> and <see cref="SubscriptionTokenKeyStore"/> on the database chosen
    /// by <see cref="StorageServiceCollectionExtensions.AddBotStorage"/>, which must be called too.
    /// </summary>
    public static IServiceCollection AddSubscriberStore(this IServiceCollection services)
    {
        services.TryAddSingleton<ISubscriberStore, SqlSubscriberStore>();
        services.TryAddSingleton<SubscriptionTokenKeyStore>();
        services.TryAddSingleton<ISubscriberCounter, SqlSubscriberCounter>();
        return services;
    }
}
