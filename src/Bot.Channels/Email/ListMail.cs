using MailKit.Net.Smtp;
using MimeKit;
using MimeKit.IO;

namespace Bot.Channels.Email;

/// <summary>
/// A list message held as the bytes it is sent as: header lines, most of them shared with the list's other messages,
/// and two encoded body parts, each the list's shared bytes followed by the subscriber's own (<see cref="ListMailBuilder"/>).
/// </summary>
internal sealed class ListMail(string messageId, SmtpEnvelope envelope, ReadOnlyMemory<byte[]> head, string boundary, ListMail.Part text, ListMail.Part html) : ComposedMail
{
    public override string MessageId => messageId;

    public override SmtpEnvelope Envelope => envelope;

    /// <summary>The multipart boundary, random per message.</summary>
    public string Boundary => boundary;

    public override void WriteData(MemoryStream output, MemoryStream scratch)
    {
        var previous = (byte)'\n';
        foreach (var line in head.Span)
        {
            SmtpWireText.Append(output, line, ref previous);
        }

        var delimiter = SmtpWireWriter.Delimiter(boundary);
        foreach (var part in (ReadOnlySpan<Part>)[text, html])
        {
            SmtpWireText.Append(output, delimiter, ref previous);
            SmtpWireText.Append(output, part.Headers, ref previous);
            SmtpWireWriter.WriteContent(part.Content.Prefix, part.Content.Own, output, ref previous);
            SmtpWireText.Append(output, SmtpWireWriter.NewLine, ref previous);
        }

        SmtpWireText.Append(output, SmtpWireWriter.CloseDelimiter(boundary), ref previous);
    }

    public override async Task SendAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        using var message = ToMimeMessage();
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The message as MimeKit reads it from its own bytes: for MailKit's client, which writes it back unchanged.</summary>
    public MimeMessage ToMimeMessage()
    {
        using var data = new MemoryStream();
        using var scratch = new MemoryStream();
        WriteData(data, scratch);
        using var message = new MemoryStream((int)data.Length);
        using (var undotted = new FilteredStream(message))
        {
            undotted.Add(new SmtpDataFilter(decode: true));
            undotted.Write(data.GetBuffer(), 0, (int)data.Length);
            undotted.Flush();
        }

        message.Position = 0;
        return MimeMessage.Load(message);
    }

    /// <param name="Headers">The part's header lines and the empty line after them, as SMTP DATA.</param>
    internal readonly record struct Part(byte[] Headers, EncodedText Content);
}
