using Bot.Core.Channels;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>Wraps one rendered email into a MIME message: headers, multipart/alternative body, list headers.</summary>
internal interface IMimeComposer
{
    /// <summary>The message as a <see cref="MimeMessage"/>, which can be DKIM-signed.</summary>
    MimeMessage Compose(DeliveryTarget target, EmailMessage message);

    /// <summary>The same message for sending as it is, in whichever form is cheapest to make.</summary>
    ComposedMail ComposeMail(DeliveryTarget target, EmailMessage message);
}
