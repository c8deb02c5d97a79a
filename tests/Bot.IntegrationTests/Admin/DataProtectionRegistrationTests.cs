using Bot.Host.Hosting.DataProtection;
using Bot.Host.Http.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>
/// No host loads the data-protection key ring while it starts: with the keys in the store that would race the
/// migrations, and without an admin key nothing ever uses it.
/// </summary>
public sealed class DataProtectionRegistrationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("data-protection-admin-key-0123")]
    public void AddBotDataProtection_TakesOutTheKeyRingPreload(string? adminKey)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AdminKey.ConfigurationKey] = adminKey })
            .Build();
        var services = new ServiceCollection();
        services.AddAntiforgery();
        Assert.Contains(services, IsKeyRingPreload);

        services.AddBotDataProtection(configuration);

        Assert.DoesNotContain(services, IsKeyRingPreload);
    }

    private static bool IsKeyRingPreload(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService)
        && descriptor.ImplementationType?.Name == "DataProtectionHostedService";
}
