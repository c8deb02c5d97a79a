using Bot.Core.Subscriptions;
using Bot.Host.Checks;
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

    /// <summary>
    /// <c>Email:PublicBaseUrl</c>. Required once <c>Email:Smtp:Host</c> is set (the configuration rules stop start-up
    /// without it): a link to the listening address would reach no one outside this machine. While email runs dry the
    /// links written to the outbox point at the listening address, which is all a trial run on one machine needs.
    /// </summary>
    public string PublicBaseUrl { get; } = configuration["Email:PublicBaseUrl"] is { Length: > 0 } configured
        ? configured
        : string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"])
            ? ConfigurationRules.HttpUrls(configuration).FirstOrDefault() ?? ConfigurationRules.DefaultHttpUrls
            : throw new InvalidOperationException("Email:PublicBaseUrl is required when Email:Smtp:Host is set.");

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
        var ring = keys.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return new SubscriptionLinks(PublicBaseUrl, new SubscriptionTokenSigner(ring, timeProvider)).UnsubscribeUrl(list, email);
    }

    public async Task<SubscriptionFlow> FlowAsync(CancellationToken cancellationToken)
    {
        var signer = await SignerAsync(cancellationToken);
        return new SubscriptionFlow(store, signer, new SubscriptionLinks(PublicBaseUrl, signer), Lists, timeProvider);
    }
}
