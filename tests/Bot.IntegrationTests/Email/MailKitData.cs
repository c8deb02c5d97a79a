using System.Text;
using Bot.Channels.Email;
using MailKit.Net.Smtp;
using MimeKit;
using MimeKit.IO;

namespace Bot.IntegrationTests.Email;

/// <summary>A message as MailKit's client writes it for SMTP DATA: MimeKit's writer, dots doubled by MailKit's filter.</summary>
internal static class MailKitData
{
    public static string Of(MimeMessage message)
    {
        using var output = new MemoryStream();
        using (var filtered = new FilteredStream(output))
        {
            filtered.Add(new SmtpDataFilter(false));
            message.WriteTo(SmtpWireWriter.Format, filtered);
            filtered.Flush();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
