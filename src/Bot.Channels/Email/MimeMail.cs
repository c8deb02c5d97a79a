using MailKit.Net.Smtp;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>A message MimeKit built: a signed one, or one whose shape <see cref="ListMail"/> does not cover.</summary>
internal sealed class MimeMail(MimeMessage message) : ComposedMail
{
    public MimeMessage Message => message;

    public override string MessageId => message.MessageId ?? throw new InvalidOperationException("The MIME composer must set a Message-ID.");

    public override SmtpEnvelope? Envelope { get; } = SmtpEnvelope.Of(message) is { } envelope
        && PipelinedSmtpTransaction.Accepts(envelope.Sender, envelope.Recipient) ? envelope : null;

    public override void WriteData(MemoryStream output, MemoryStream scratch) => SmtpWireWriter.Write(message, output, scratch);

    public override Task SendAsync(SmtpClient client, CancellationToken cancellationToken) =>
        client.SendAsync(message, cancellationToken);

    // A message and each of its parts has a finalizer, and undisposed ones outlive a garbage collection each, which
    // at thousands of messages a second kept the collector busy.
    public override void Dispose() => message.Dispose();
}
