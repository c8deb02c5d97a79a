using Bot.Core.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EmailOptions"/> to the <c>Email</c> section, validated at start-up, and, when
    /// <c>Email:Smtp:Host</c> is set, registers <see cref="EmailChannelSender"/> as an <see cref="IChannelSender"/>.
    /// Without a host nothing is registered for sending and the host's dry channel takes over.
    /// </summary>
    /// <remarks>Idempotent: the host and the delivery engine may both ask for the channel; there is one pool.</remarks>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<EmailOptions>) && d.ImplementationType == typeof(EmailOptionsValidator)))
        {
            return services;
        }

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        if (!string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.SectionName}:Smtp:Host"]))
        {
            services.TryAddSingleton<EmailChannelSender>();
            services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<EmailChannelSender>());
        }

        return services;
    }
}
