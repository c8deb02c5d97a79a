using Bot.Core.Subscriptions;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Subscriptions;

/// <summary>Builds the subscription flow once the token key is known (it may come from the store).</summary>
public sealed class SubscriptionServices(
    IConfiguration configuration,
    SubscriptionTokenKeyProvider keys,
    ISubscriberStore store,
    TimeProvider timeProvider)
{
    public IReadOnlyList<SubscriptionList> Lists { get; } = SubscriptionListsReader.Read(configuration);

    /// <summary>Where the HTTP surface listens when <c>Http:Urls</c> is not set.</summary>
    public const string DefaultHttpUrl = "http://127.0.0.1:8080";

    /// <summary><c>Email:PublicBaseUrl</c>, or the first <c>Http:Urls</c> address for a machine serving only itself.</summary>
    public string PublicBaseUrl { get; } = !string.IsNullOrWhiteSpace(configuration["Email:PublicBaseUrl"])
        ? configuration["Email:PublicBaseUrl"]!
        : (configuration["Http:Urls"] ?? DefaultHttpUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultHttpUrl;

    public async Task<SubscriptionTokenSigner> SignerAsync(CancellationToken cancellationToken) =>
        new(await keys.GetAsync(cancellationToken), timeProvider);

    public async Task<SubscriptionLinks> LinksAsync(CancellationToken cancellationToken) =>
        new(PublicBaseUrl, await SignerAsync(cancellationToken));

    /// <summary>
    /// The one-click unsubscribe link for a subscriber, for the dispatcher's recipient lookup, which asks
    /// synchronously. Only the first call can wait (on reading the key from the store); later ones are pure.
    /// </summary>
    public string UnsubscribeUrl(string list, string email)
    {
        var key = keys.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return new SubscriptionLinks(PublicBaseUrl, new SubscriptionTokenSigner(key, timeProvider)).UnsubscribeUrl(list, email);
    }

    public async Task<SubscriptionFlow> FlowAsync(CancellationToken cancellationToken)
    {
        var signer = await SignerAsync(cancellationToken);
        return new SubscriptionFlow(store, signer, new SubscriptionLinks(PublicBaseUrl, signer), Lists, timeProvider);
    }
}
