using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Subscriptions;

namespace Bot.Channels.Email;

/// <summary>
/// Keeps credentials and link tokens out of the text of a failed SMTP exchange, which becomes a delivery's stored
/// error, an audit entry and a log line. Servers quote what they were sent: some echo the SASL response of a failed
/// AUTH (for PLAIN the base64 of user and password), and content filters quote lines of the refused message, whose
/// unsubscribe link holds the subscriber's token. Applied before the text is shortened, so a cut cannot leave half a
/// secret that no longer matches.
/// </summary>
public sealed partial class SmtpSecretRedactor
{
    public const string Mask = "***";

    private readonly string[] literals;

    public SmtpSecretRedactor(SmtpOptions options)
    {
        var user = options.Username ?? string.Empty;
        var password = options.Password;
        literals = string.IsNullOrEmpty(password)
            ? []
            : new[]
            {
                password,
                Base64(password),
                Base64($"\0{user}\0{password}"),
                Base64($"{user}\0{user}\0{password}"),
            }.Where(l => l.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(l => l.Length).ToArray();
    }

    public SmtpFailure Redact(SmtpFailure failure) => failure with { Text = Redact(failure.Text) };

    public string Redact(string text)
    {
        foreach (var literal in literals)
        {
            text = text.Replace(literal, Mask, StringComparison.Ordinal);
        }

        text = AuthCommand().Replace(text, m => m.Groups[1].Value + Mask);
        return SubscriptionLinks.RedactTokens(text);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A quoted <c>AUTH MECHANISM initial-response</c> command: the response is the credential.</summary>
    [GeneratedRegex(@"(\bAUTH\s+(?:PLAIN|LOGIN|CRAM-MD5|DIGEST-MD5|NTLM|XOAUTH2|OAUTHBEARER|SCRAM-SHA-[0-9A-Z-]+)\s+)\S+", RegexOptions.CultureInvariant)]
    private static partial Regex AuthCommand();

}
