using System.Net;
using Bot.Core.Subscriptions;
using Bot.Host.Subscriptions;
using Bot.IntegrationTests.Admin;
using Bot.IntegrationTests.Email;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Http;

/// <summary>
/// Confirm and unsubscribe through the whole <c>bot run</c> pipeline, antiforgery middleware included: the POSTs
/// come from mail providers and from our own plain pages, never with a cookie, and the token alone decides.
/// </summary>
public sealed class SubscriptionPipelineTests : IAsyncLifetime
{
    private AdminHost host = null!;

    public async Task InitializeAsync() =>
        host = await AdminHost.StartAsync(AdminHost.Key, ("Email:Destinations:0:Name", "letters"), ("Email:Destinations:0:Language", "ar"));

    public async Task DisposeAsync() => await host.DisposeAsync();

    private ISubscriberStore Store => host.Services.GetRequiredService<ISubscriberStore>();

    [Fact]
    public async Task UnsubscribeOneClick_MultipartWithoutCookies_UnsubscribesAnd200()
    {
        await Store.AddActiveAsync("letters", "a@example.org", null, CancellationToken.None);
        var url = host.Services.GetRequiredService<SubscriptionServices>().UnsubscribeUrl("letters", "a@example.org");
        using var body = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        using var response = await host.Anonymous.PostAsync($"/unsubscribe?token={SubscriptionHttpApp.TokenIn(url)}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.GetAsync("letters", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Confirm_GetsChangeNothingThePagesButtonConfirms()
    {
        await host.Anonymous.PostAsync("/subscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@example.org" }));
        var links = await host.Services.GetRequiredService<SubscriptionServices>().LinksAsync(CancellationToken.None);
        var token = SubscriptionHttpApp.TokenIn(links.ConfirmUrl("letters", "a@example.org"));

        using var shown = await host.Anonymous.GetAsync($"/confirm?token={token}");
        using var head = await host.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/confirm?token={token}"));
        var afterGets = (await Store.GetAsync("letters", "a@example.org", CancellationToken.None))!.Status;
        using var confirmed = await host.Anonymous.PostAsync("/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<html dir=\"rtl\" lang=\"ar\">", await shown.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberStatus.Pending, afterGets);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("letters", "a@example.org", CancellationToken.None))!.Status);
    }
}
