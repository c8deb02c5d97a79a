using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Support;

/// <summary>The storage services a process gets for <c>Store:Provider</c> and <c>Store:ConnectionString</c>, as the contract tests open them.</summary>
internal static class TestStorage
{
    /// <param name="more">Further registrations on top of <c>AddBotStorage</c>, e.g. a subscriber store.</param>
    public static ServiceProvider Open(string provider, string connectionString, TimeProvider? time = null, Func<IServiceCollection, IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Provider"] = provider,
                ["Store:ConnectionString"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddBotStorage(configuration);
        return (more?.Invoke(services) ?? services).BuildServiceProvider();
    }
}
