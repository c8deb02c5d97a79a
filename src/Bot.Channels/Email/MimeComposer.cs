using System.Text;
using Bot.Core.Channels;
using MimeKit;
using MimeKit.Utils;

namespace Bot.Channels.Email;

/// <summary>
/// The channel's own MIME assembly: text part first and HTML last in multipart/alternative (clients show the
/// last part they understand), RFC 2047 headers so Arabic names and subjects survive relays without SMTPUTF8.
/// </summary>
public sealed class MimeComposer(MailboxAddress from, TimeProvider timeProvider) : IMimeComposer
{
    private readonly string idDomain = from.Domain is { Length: > 0 } domain ? domain : "localhost";

    public MimeMessage Compose(DeliveryTarget target, EmailMessage message)
    {
        var mime = new MimeMessage
        {
            Date = timeProvider.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(idDomain),
            Subject = message.Subject,
        };
        // A fresh address per message: an InternetAddressList subscribes to its addresses' change events, so
        // one shared instance would keep every message ever composed reachable.
        mime.From.Add(new MailboxAddress(from.Name, from.Address));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.To));

        if (ListId(target.Destination) is { } listId)
        {
            mime.Headers.Add(HeaderId.ListId, listId);
        }

        if (!string.IsNullOrWhiteSpace(message.UnsubscribeUrl))
        {
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{message.UnsubscribeUrl}>");
            // RFC 8058 one-click is defined for HTTPS only; announcing it on a plain http link would invite
            // receivers to POST somewhere the standard does not allow.
            if (message.UnsubscribeUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        if (!string.IsNullOrWhiteSpace(message.Language))
        {
            // A Content-* header belongs to the body entity; MimeKit writes the root entity's headers into the
            // message header block, where clients and screen readers look for the language.
            mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        }

        return mime;
    }

    private string? ListId(string destination)
    {
        var slug = new StringBuilder(destination.Length);
        foreach (var c in destination.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        return id.Length == 0 ? null : $"<{id}.{idDomain}>";
    }
}
