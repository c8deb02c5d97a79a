using MimeKit;

namespace Bot.Channels.Email;

/// <summary>The one sender and one recipient a message is sent for.</summary>
internal sealed record SmtpEnvelope(MailboxAddress Sender, MailboxAddress Recipient)
{
    /// <summary>The envelope of a message from one From mailbox to one To mailbox; null for anything else.</summary>
    public static SmtpEnvelope? Of(MimeMessage message) =>
        message.Sender is null && message.Cc.Count == 0 && message.Bcc.Count == 0
            && message.From.Mailboxes.ToList() is [var sender] && message.To.Mailboxes.ToList() is [var recipient]
            ? new SmtpEnvelope(sender, recipient)
            : null;
}
