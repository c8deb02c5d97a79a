using Bot.Core.Channels;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>Wraps one rendered email into a MIME message: headers, multipart/alternative body, list headers.</summary>
internal interface IMimeComposer
{
    MimeMessage Compose(DeliveryTarget target, EmailMessage message);
}
