using System.Net;
using Bot.Core.Subscriptions;
using Bot.Storage;
using Bot.Storage.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// <c>POST /subscribe</c> must not tell a known address from an unknown one: not by its answer, and not by the work
/// behind it, which a stopwatch could read. Checked on what the request did, never on the time it took.
/// </summary>
public sealed class SubscribeSameWorkTests : IAsyncLifetime
{
    private SubscriptionHttpApp app = null!;

    public async Task InitializeAsync() => app = await SubscriptionHttpApp.StartAsync(services =>
        services.AddSingleton<ISubscriberStore>(sp => new JournalingSubscriberStore(
            new SqlSubscriberStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()))));

    public async Task DisposeAsync() => await app.DisposeAsync();

    private JournalingSubscriberStore Store => (JournalingSubscriberStore)app.Services.GetRequiredService<ISubscriberStore>();

    [Fact]
    public async Task Subscribe_UnknownActiveAndUnsubscribedAddress_SameAnswerSameStoreWorkOneMailEach()
    {
        await Store.AddActiveAsync("أخبار", "known@example.org", "قارئ", CancellationToken.None);
        await Store.AddActiveAsync("أخبار", "left@example.org", null, CancellationToken.None);
        await Store.UnsubscribeAsync("أخبار", "left@example.org", CancellationToken.None);
        var seen = new List<(HttpStatusCode Status, string Body, string Calls)>();

        foreach (var email in new[] { "unknown@example.org", "known@example.org", "left@example.org" })
        {
            Store.Clear();
            var response = await app.Client.PostAsync("/subscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["list"] = "أخبار" }));
            seen.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), string.Join(",", Store.Calls)));
        }

        var mail = await app.MailAsync(3);

        Assert.Equal((HttpStatusCode.Accepted, "RequestAsync"), (seen[0].Status, seen[0].Calls));
        Assert.All(seen, s => Assert.Equal(seen[0], s));
        Assert.Equal(3, mail.Count);
        var subjects = mail.ToDictionary(m => m.EnvelopeTo.Single(), m => m.Message.Subject);
        Assert.Equal("أكّد اشتراكك في «أخبار»", subjects["unknown@example.org"]);
        Assert.Equal("أنت مشترك في «أخبار»", subjects["known@example.org"]);
        Assert.Equal("أكّد اشتراكك في «أخبار»", subjects["left@example.org"]);
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("أخبار", "known@example.org", CancellationToken.None))!.Status);
    }
}
