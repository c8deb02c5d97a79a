using MimeKit;
using MimeKit.Cryptography;

namespace Bot.Channels.Email;

/// <summary>
/// DKIM-signs outgoing messages (RSA-SHA256, relaxed/relaxed). RFC 8058 one-click only counts when the
/// signature covers both List-Unsubscribe headers, so they are in the signed set whenever present.
/// </summary>
public sealed class DkimMessageSigner
{
    private static readonly string[] SignedHeaders =
    [
        "From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id",
    ];

    private readonly DkimSigner signer;

    public DkimMessageSigner(DkimOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PrivateKeyPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Selector);
        signer = new DkimSigner(options.PrivateKeyPath, options.Domain, options.Selector, DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
    }

    /// <summary>Signs in place. Nothing may change the message afterwards, so the body is fixed to 7-bit first.</summary>
    public void Sign(MimeMessage message)
    {
        // Without this, MailKit would re-encode the body for a server without 8BITMIME after signing and break
        // the body hash.
        message.Prepare(EncodingConstraint.SevenBit);
        var present = SignedHeaders.Where(name => message.Headers.Contains(name)).ToList();
        signer.Sign(message, present);
    }
}
