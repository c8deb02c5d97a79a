using System.Text;
using MailKit.Net.Smtp;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>
/// The steps of mail transactions on a plain session whose server offers PIPELINING (RFC 2920). MAIL, RCPT and
/// DATA go out in one write and their replies are read together; the message goes out only after the server's
/// 354, and its final dot may share a write with the next message's MAIL, RCPT and DATA (RFC 2920 3.1 lets message
/// content open a group). Steps only write into the session's buffer; the first read sends what is there. So a
/// busy session costs one round trip a message where MailKit's client takes three: at thousands of messages a
/// second, the wake-ups per round trip, on both sides, were most of the CPU.
/// </summary>
/// <remarks>
/// Refusals surface as MailKit's own exceptions with its error codes, so <see cref="SmtpFailureReader"/> reads
/// them as it reads those of <see cref="SmtpClient"/>.
/// </remarks>
internal sealed class PipelinedSmtpTransaction(Stream stream)
{
    private static readonly byte[] EndOfData = ".\r\n"u8.ToArray();

    private readonly SmtpReplyReader replies = new(stream);
    private readonly MemoryStream content = new();
    private readonly MemoryStream scratch = new();

    /// <summary>True when the envelope can be written as is: MailKit handles international addresses (SMTPUTF8, IDN).</summary>
    public static bool Accepts(MailboxAddress sender, MailboxAddress recipient) =>
        Ascii.IsValid(sender.Address) && Ascii.IsValid(recipient.Address);

    public ValueTask WriteEnvelopeAsync(SmtpEnvelope envelope, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes($"MAIL FROM:<{envelope.Sender.Address}>\r\nRCPT TO:<{envelope.Recipient.Address}>\r\nDATA\r\n"), cancellationToken);

    /// <summary>Reads the replies to MAIL, RCPT and DATA; throws when the server will not take the message.</summary>
    public async Task ReadEnvelopeRepliesAsync(SmtpEnvelope envelope, CancellationToken cancellationToken)
    {
        var mailFrom = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        var rcptTo = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        var data = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (data.Code == 354 && !(mailFrom.IsPositive && rcptTo.IsPositive))
        {
            // The server opened DATA for a refused envelope: this session is out of step, and the caller drops it.
            throw new SmtpProtocolException($"The SMTP server accepted DATA after refusing the envelope ({mailFrom.Code}, {rcptTo.Code}).");
        }

        if (!mailFrom.IsPositive)
        {
            throw Refused(SmtpErrorCode.SenderNotAccepted, mailFrom, envelope.Sender);
        }

        if (!rcptTo.IsPositive)
        {
            await ResetAsync(cancellationToken).ConfigureAwait(false);
            throw Refused(SmtpErrorCode.RecipientNotAccepted, rcptTo, envelope.Recipient);
        }

        if (data.Code != 354)
        {
            await ResetAsync(cancellationToken).ConfigureAwait(false);
            throw Refused(SmtpErrorCode.MessageNotAccepted, data, null);
        }
    }

    /// <summary>The message with leading dots doubled, and the final dot.</summary>
    public ValueTask WriteContentAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        content.SetLength(0);
        mail.WriteData(content, scratch);
        content.Write(EndOfData);
        return stream.WriteAsync(content.GetBuffer().AsMemory(0, (int)content.Length), cancellationToken);
    }

    /// <summary>Reads the reply to the final dot; throws when the server did not take the message.</summary>
    public async Task ReadContentReplyAsync(CancellationToken cancellationToken)
    {
        var accepted = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!accepted.IsPositive)
        {
            throw Refused(SmtpErrorCode.MessageNotAccepted, accepted, null);
        }
    }

    /// <summary>Ends the open transaction after a refusal, so the next MAIL finds the session idle.</summary>
    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        await stream.WriteAsync("RSET\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var reply = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!reply.IsPositive)
        {
            throw new SmtpProtocolException($"The SMTP server refused RSET: {reply.Code} {reply.Text}");
        }
    }

    private static SmtpCommandException Refused(SmtpErrorCode error, SmtpReply reply, MailboxAddress? mailbox) =>
        mailbox is null
            ? new SmtpCommandException(error, (SmtpStatusCode)reply.Code, reply.Text)
            : new SmtpCommandException(error, (SmtpStatusCode)reply.Code, mailbox, reply.Text);
}
