using MailKit.Net.Smtp;

namespace Bot.Channels.Email;

/// <summary>One subscriber's message, composed and ready for a pooled SMTP session.</summary>
internal abstract class ComposedMail : IDisposable
{
    public abstract string MessageId { get; }

    /// <summary>The envelope when the message can go through <see cref="PipelinedSmtpTransaction"/>; otherwise MailKit sends it.</summary>
    public abstract SmtpEnvelope? Envelope { get; }

    /// <summary>Appends the message as SMTP DATA (CRLF line ends, leading dots doubled), without the final dot.</summary>
    /// <param name="scratch">A buffer the writer may use and reuse, so a session's messages do not each grow one.</param>
    public abstract void WriteData(MemoryStream output, MemoryStream scratch);

    /// <summary>Sends the message through MailKit's client, on a session <see cref="PipelinedSmtpTransaction"/> cannot serve.</summary>
    public abstract Task SendAsync(SmtpClient client, CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }
}
