using System.Text.RegularExpressions;

namespace Bot.Core.Subscriptions;

/// <summary>Builds the confirm and unsubscribe links under the public base URL (<c>Email:PublicBaseUrl</c>).</summary>
public sealed partial class SubscriptionLinks(string publicBaseUrl, SubscriptionTokenSigner tokens)
{
    public const string TokenMask = "***";

    private readonly string root = publicBaseUrl.TrimEnd('/');

    public string ConfirmUrl(string list, string email) =>
        $"{root}/confirm?token={tokens.Issue(SubscriptionTokenPurpose.Confirm, list, email)}";

    public string UnsubscribeUrl(string list, string email) =>
        $"{root}/unsubscribe?token={tokens.Issue(SubscriptionTokenPurpose.Unsubscribe, list, email)}";

    /// <summary>
    /// Masks the token of every confirm or unsubscribe link in <paramref name="text"/>: each is a subscriber's key to
    /// their subscription, and error texts and request logs quote links.
    /// </summary>
    public static string RedactTokens(string text) => LinkToken().Replace(text, m => m.Groups[1].Value + TokenMask);

    [GeneratedRegex(@"([?&](?:amp;)?token=)[A-Za-z0-9_%-]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkToken();
}
