using System.Globalization;

namespace Bot.Core.Subscriptions;

/// <summary>
/// The addresses the lists accept: what a person types into a form and a relay accepts without SMTPUTF8.
/// Stricter than RFC 5322 on purpose (no quoted local parts, comments or IP literals): those are typos far
/// more often than real mailboxes, and each bounce costs sender reputation.
/// </summary>
public static class SubscriberAddress
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~.-";
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>The form addresses are stored and compared in, so one mailbox is one subscriber whatever its letter case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        if (at < 1 || at == email.Length - 1 || email.IndexOf('@') != at)
        {
            return false;
        }

        return IsValidLocalPart(email.AsSpan(0, at)) && IsValidDomain(email[(at + 1)..]);
    }

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !LocalSpecials.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        if (ascii.Length > 253 || labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return !labels[^1].All(char.IsAsciiDigit);
    }
}
