using Bot.Channels.Email;
using Bot.Core.Channels;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class SmtpFailureClassifierTests
{
    public enum Expected
    {
        Gone,
        Rejected,
        Retry,
        Unavailable,
    }

    // Replies as real servers word them (Postfix, Gmail, Exchange Online, Yahoo).
    public static TheoryData<SmtpFailureKind, int?, string, Expected> Table => new()
    {
        { SmtpFailureKind.RcptTo, 550, "5.1.1 <x@example.org>: Recipient address rejected: User unknown in local recipient table", Expected.Gone },
        { SmtpFailureKind.RcptTo, 550, "5.1.1 The email account that you tried to reach does not exist.", Expected.Gone },
        { SmtpFailureKind.RcptTo, 550, "5.4.1 Recipient address rejected: Access denied. AS(201806281)", Expected.Gone },
        { SmtpFailureKind.RcptTo, 553, "5.1.3 Bad recipient address syntax", Expected.Gone },
        { SmtpFailureKind.RcptTo, 554, "delivery error: dd This user doesn't have a yahoo.com account", Expected.Gone },
        { SmtpFailureKind.RcptTo, 550, "Requested action not taken: mailbox unavailable", Expected.Gone },
        { SmtpFailureKind.RcptTo, 551, "5.1.6 User not local; please try <y@example.org>", Expected.Gone },
        { SmtpFailureKind.RcptTo, 552, "5.2.2 The email account that you tried to reach is over quota.", Expected.Retry },
        { SmtpFailureKind.RcptTo, 554, "5.7.1 <x@example.org>: Relay access denied", Expected.Rejected },
        { SmtpFailureKind.RcptTo, 550, "5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy", Expected.Rejected },
        { SmtpFailureKind.RcptTo, 451, "4.3.0 Mailbox temporarily unavailable", Expected.Retry },
        { SmtpFailureKind.RcptTo, 450, "4.2.1 The user you are trying to contact is receiving mail too quickly", Expected.Retry },
        { SmtpFailureKind.RcptTo, 452, "4.5.3 Too many recipients", Expected.Retry },
        { SmtpFailureKind.RcptTo, 421, "4.7.0 Try again later, closing connection.", Expected.Retry },
        { SmtpFailureKind.RcptTo, 530, "5.7.0 Authentication required", Expected.Unavailable },
        { SmtpFailureKind.MailFrom, 550, "5.7.1 Client does not have permissions to send as this sender", Expected.Rejected },
        { SmtpFailureKind.MailFrom, 553, "5.7.1 Sender address rejected: not owned by user bot", Expected.Rejected },
        { SmtpFailureKind.MailFrom, 451, "4.3.0 Error: queue file write error", Expected.Retry },
        { SmtpFailureKind.MailFrom, 421, "4.3.2 Service not active", Expected.Retry },
        { SmtpFailureKind.MailFrom, 530, "5.7.57 Client not authenticated to send mail", Expected.Unavailable },
        { SmtpFailureKind.Data, 554, "5.7.1 Message rejected as spam by Content Filtering", Expected.Rejected },
        { SmtpFailureKind.Data, 552, "5.3.4 Message size exceeds fixed limit", Expected.Rejected },
        { SmtpFailureKind.Data, 550, "5.7.1 [IP] Our system has detected that this message is likely unsolicited mail", Expected.Rejected },
        { SmtpFailureKind.Data, 451, "4.7.0 Temporary server error. Please try again later", Expected.Retry },
        { SmtpFailureKind.Data, 452, "4.3.1 Insufficient system storage", Expected.Retry },
        { SmtpFailureKind.Greeting, 554, "5.7.1 Service unavailable; Client host [192.0.2.1] blocked", Expected.Unavailable },
        { SmtpFailureKind.Greeting, 421, "4.3.2 Too many connections, try again later", Expected.Retry },
        { SmtpFailureKind.Authentication, 535, "5.7.8 Username and Password not accepted", Expected.Unavailable },
        { SmtpFailureKind.Authentication, 454, "4.7.0 Temporary authentication failure", Expected.Retry },
        { SmtpFailureKind.Authentication, null, "The SMTP server does not support authentication.", Expected.Unavailable },
        { SmtpFailureKind.Tls, null, "An error occurred while attempting to establish an SSL or TLS connection.", Expected.Unavailable },
        { SmtpFailureKind.ConnectionLost, null, "The SMTP server has unexpectedly disconnected.", Expected.Retry },
        { SmtpFailureKind.ConnectionLost, null, "Connection refused", Expected.Retry },
        { SmtpFailureKind.ConnectionLost, null, "The operation has timed out.", Expected.Retry },
        { SmtpFailureKind.RcptTo, null, "no reply", Expected.Retry },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Classify_RealServerReply_GivesTheExpectedOutcome(SmtpFailureKind kind, int? code, string text, Expected expected)
    {
        var outcome = SmtpFailureClassifier.Classify(new SmtpFailure(kind, code, text), []);

        var actual = outcome switch
        {
            SendOutcome.Rejected { TargetGone: true } => Expected.Gone,
            SendOutcome.Rejected => Expected.Rejected,
            SendOutcome.RetryLater { RetryAfter: null } => Expected.Retry,
            SendOutcome.Unavailable => Expected.Unavailable,
            _ => throw new InvalidOperationException(outcome.ToString()),
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Classify_Reason_NamesStageCodeAndTextOnOneShortLine()
    {
        var outcome = SmtpFailureClassifier.Classify(new SmtpFailure(SmtpFailureKind.RcptTo, 550, "5.1.1 unknown\r\nuser" + new string('x', 500)), ["id"]);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.StartsWith("SMTP RCPT TO: 550 5.1.1 unknown user", rejected.Reason);
        Assert.True(rejected.Reason.Length <= 300);
        Assert.Equal(["id"], rejected.RemoteIds);
    }
}
