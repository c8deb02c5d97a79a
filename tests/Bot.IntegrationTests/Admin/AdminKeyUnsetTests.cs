using System.Net;
using System.Net.Http.Headers;
using Bot.Host.Http.Admin;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>Without <c>Http:AdminKey</c> the whole of <c>/admin</c> is shut.</summary>
public sealed class AdminKeyUnsetTests : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync(adminKey: null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GET", "/admin/api/status")]
    [InlineData("POST", "/admin/api/destinations/news/pause")]
    [InlineData("GET", "/admin")]
    [InlineData("GET", "/admin/login")]
    [InlineData("POST", "/admin/login")]
    [InlineData("POST", "/admin/destinations/news/pause")]
    public async Task AnyAdminRequest_KeyUnset_Is401SayingSo(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "anything-at-all-0123456789");

        using var response = await _host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(AdminAccess.NotConfiguredText, await response.Content.ReadAsStringAsync());
        Assert.False((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
    }

    [Fact]
    public async Task Api_KeyUnset_ChallengesForBearer()
    {
        using var response = await _host.Anonymous.GetAsync("/admin/api/status");

        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }
}
