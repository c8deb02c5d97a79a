using Bot.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Sources.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>The inbox watcher of <c>bot run</c>; its options are part of <see cref="SourcesOptions"/>, its claim folder named by <c>Host:Name</c>.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(HostName.From(configuration));
        services.AddHostedService<InboxWatcher>();
        return services;
    }
}
