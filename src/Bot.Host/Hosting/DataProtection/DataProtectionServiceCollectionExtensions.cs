using Bot.Host.Http.Admin;
using Bot.Storage;
using Bot.Storage.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Hosting.DataProtection;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The name every host shares, so each reads what another protected, whatever its working folder.</summary>
    public const string ApplicationName = "bot";

    /// <summary>
    /// Data protection for <c>bot run</c>, whose only users are the <c>/admin</c> forms and cookies. With
    /// <c>Http:AdminKey</c> set, the keys live in the store (SQLite under <c>data/</c>, or the PostgreSQL database
    /// several hosts share), encrypted under a key derived from the admin key: a restart keeps forms and sessions
    /// valid, and one host accepts what another issued. Without it nothing under <c>/admin</c> is served, so the
    /// keys stay in memory and nothing is written. Call after everything that adds data protection (antiforgery
    /// does): it takes out the start-up preload of the key ring (see <see cref="RemoveKeyRingPreload"/>).
    /// </summary>
    public static IServiceCollection AddBotDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var adminKey = configuration[AdminKey.ConfigurationKey];
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        RemoveKeyRingPreload(services);
        if (string.IsNullOrEmpty(adminKey))
        {
            builder.UseEphemeralDataProtectionProvider();
            return services;
        }

        services.TryAddSingleton(new DataProtectionKeyCipher(adminKey));
        services.TryAddSingleton(sp => new SqlDataProtectionKeyStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new StoreXmlRepository(
                sp.GetRequiredService<SqlDataProtectionKeyStore>(),
                sp.GetRequiredService<StoreReadiness>(),
                sp.GetRequiredService<DataProtectionKeyCipher>(),
                sp.GetRequiredService<ILogger<StoreXmlRepository>>());
            options.XmlEncryptor = new CipherXmlEncryptor(sp.GetRequiredService<DataProtectionKeyCipher>());
        }));

        return services;
    }

    /// <summary>
    /// Data protection loads the key ring while the host starts. With the keys in the store, that is before the store
    /// has its tables on a first run (migrations run in the background so <c>/healthz</c> can answer meanwhile), and
    /// it would log that it failed. Without an admin key nothing ever protects anything, and the preload only made a key
    /// ring nobody used: about 2 MiB of an idle host. The first admin page loads the key ring instead.
    /// </summary>
    private static void RemoveKeyRingPreload(IServiceCollection services)
    {
        var preload = services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        foreach (var descriptor in preload)
        {
            services.Remove(descriptor);
        }
    }
}
