namespace Bot.Core.Subscriptions;

/// <summary>Builds the confirm and unsubscribe links under the public base URL (<c>Email:PublicBaseUrl</c>).</summary>
public sealed class SubscriptionLinks(string publicBaseUrl, SubscriptionTokenSigner tokens)
{
    private readonly string root = publicBaseUrl.TrimEnd('/');

    public string ConfirmUrl(string list, string email) =>
        $"{root}/confirm?token={tokens.Issue(SubscriptionTokenPurpose.Confirm, list, email)}";

    public string UnsubscribeUrl(string list, string email) =>
        $"{root}/unsubscribe?token={tokens.Issue(SubscriptionTokenPurpose.Unsubscribe, list, email)}";
}
