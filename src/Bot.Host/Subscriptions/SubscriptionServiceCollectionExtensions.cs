using Bot.Channels.Email;
using Bot.Core.Delivery;
using Bot.Host.Http;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Bot.Storage.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Subscriptions;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>
    /// The subscriber store and the subscription flow (<see cref="SubscriptionServices"/>), as the CLI verb needs
    /// them. Expects <c>AddBotCore</c> (store, clock, configuration).
    /// </summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddSubscriberStore();
        services.TryAddSingleton<SubscriptionTokenKeyProvider>();
        services.TryAddSingleton<SubscriptionServices>();
        return services;
    }

    /// <summary>
    /// What <c>bot run</c> adds for the subscription endpoints: the email channel, the confirmation mail queue and
    /// its worker, and the per-client rate limiter (the pipeline needs <c>UseRateLimiter()</c>).
    /// </summary>
    public static IServiceCollection AddSubscriptionHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSubscriptions();
        services.AddOptions<SubscriptionOptions>().Bind(configuration.GetSection("Email")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidator>());
        services.AddEmailChannel(configuration);

        // The dispatcher's subscriber lookup, now with each subscriber's signed one-click unsubscribe link.
        services.Replace(ServiceDescriptor.Singleton<IRecipientDirectory>(sp => new SqlRecipientDirectory(
            sp.GetRequiredService<IDbConnectionFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SubscriptionServices>().UnsubscribeUrl)));
        services.TryAddSingleton<ConfirmationMailQueue>();
        services.AddHostedService<ConfirmationMailWorker>();
        services.AddSubscriptionRateLimiter();
        return services;
    }
}
