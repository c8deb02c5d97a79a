using System.Text.RegularExpressions;
using Bot.Core.Channels;

namespace Bot.Channels.Email;

/// <summary>
/// Maps a failed SMTP exchange to a delivery outcome. Only a permanent refusal of the recipient at RCPT TO
/// marks the subscriber gone: a bounce there costs the subscriber for good, so everything that speaks about
/// us (policy, authentication, content) or about the connection must not be mistaken for it.
/// </summary>
public static partial class SmtpFailureClassifier
{
    private const int MaxReasonLength = 300;

    public static SendOutcome Classify(SmtpFailure failure, IReadOnlyList<string> remoteIds)
    {
        var reason = Describe(failure);
        var code = failure.StatusCode;

        switch (failure.Kind)
        {
            case SmtpFailureKind.ConnectionLost:
                return new SendOutcome.RetryLater(remoteIds, null, reason);
            case SmtpFailureKind.Tls:
                return new SendOutcome.Unavailable(remoteIds, reason);
            case SmtpFailureKind.Authentication:
                return IsTransient(code)
                    ? new SendOutcome.RetryLater(remoteIds, null, reason)
                    : new SendOutcome.Unavailable(remoteIds, reason);
        }

        // 421 is the server closing the session (shutdown, overload, too many messages on one connection),
        // whatever command it answers; RFC 5321 4.2.3.
        if (code is null or 421 || IsTransient(code))
        {
            return new SendOutcome.RetryLater(remoteIds, null, reason);
        }

        if (!IsPermanent(code))
        {
            return new SendOutcome.RetryLater(remoteIds, null, reason);
        }

        // "authentication required", "authentication mechanism too weak", "invalid credentials",
        // "encryption required": no message will pass until the configuration is fixed.
        if (code is 530 or 534 or 535 or 538)
        {
            return new SendOutcome.Unavailable(remoteIds, reason);
        }

        return failure.Kind switch
        {
            SmtpFailureKind.Greeting => new SendOutcome.Unavailable(remoteIds, reason),
            SmtpFailureKind.RcptTo => ClassifyRecipient(code.Value, failure.Text, remoteIds, reason),
            _ => new SendOutcome.Rejected(remoteIds, reason, TargetGone: false),
        };
    }

    private static SendOutcome ClassifyRecipient(int code, string text, IReadOnlyList<string> remoteIds, string reason)
    {
        // RFC 5321 4.5.3.1.10: a 552 "too much mail" at RCPT is to be treated as the temporary 452.
        if (code == 552)
        {
            return new SendOutcome.RetryLater(remoteIds, null, reason);
        }

        // X.7.x is security or policy (our reputation, relaying, DMARC): it says nothing about the mailbox.
        var enhanced = EnhancedStatus().Match(text);
        if (enhanced.Success && enhanced.Groups["subject"].Value == "7")
        {
            return new SendOutcome.Rejected(remoteIds, reason, TargetGone: false);
        }

        return new SendOutcome.Rejected(remoteIds, reason, TargetGone: true);
    }

    private static bool IsTransient(int? code) => code is >= 400 and < 500;

    private static bool IsPermanent(int? code) => code is >= 500 and < 600;

    private static string Describe(SmtpFailure failure)
    {
        var stage = failure.Kind switch
        {
            SmtpFailureKind.ConnectionLost => "connection",
            SmtpFailureKind.Tls => "TLS",
            SmtpFailureKind.Authentication => "AUTH",
            SmtpFailureKind.Greeting => "greeting",
            SmtpFailureKind.MailFrom => "MAIL FROM",
            SmtpFailureKind.RcptTo => "RCPT TO",
            SmtpFailureKind.Data => "DATA",
            _ => failure.Kind.ToString(),
        };
        var text = failure.Text.ReplaceLineEndings(" ").Trim();
        var described = failure.StatusCode is { } code ? $"SMTP {stage}: {code} {text}" : $"SMTP {stage}: {text}";
        return described.Length <= MaxReasonLength ? described : described[..MaxReasonLength];
    }

    [GeneratedRegex(@"^\s*(?<class>[245])\.(?<subject>\d{1,3})\.(?<detail>\d{1,3})\b")]
    private static partial Regex EnhancedStatus();
}
