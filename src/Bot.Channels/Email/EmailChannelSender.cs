using Bot.Core.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>
/// Sends one personalised message per subscriber over a small pool of reused SMTP connections, each message passing
/// the delivery's send budget (<see cref="DeliveryTarget.Gate"/>) first. The remote id is the Message-ID, kept for
/// matching bounces and complaints later.
/// </summary>
public sealed class EmailChannelSender : IChannelSender, IAsyncDisposable
{
    private readonly IMimeComposer composer;
    private readonly DkimMessageSigner? signer;
    private readonly SmtpConnectionPool pool;
    private readonly SmtpSecretRedactor redactor;
    private readonly ILogger logger;

    public EmailChannelSender(IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<EmailChannelSender> logger)
        : this(options.Value, null, timeProvider, logger)
    {
    }

    internal EmailChannelSender(EmailOptions options, IMimeComposer? composer, TimeProvider timeProvider, ILogger logger)
    {
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException("Email:Smtp:Host is not set; the email channel runs dry.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from))
        {
            throw new InvalidOperationException("Email:From must be an email address.");
        }

        this.composer = composer ?? new EmailMimeComposer(new EmailMimeBuilder(options.From, timeProvider), from);
        this.logger = logger;
        pool = new SmtpConnectionPool(options.Smtp, RelayCertificateTrust.From(options.Smtp.TrustedCertificate), logger);
        redactor = new SmtpSecretRedactor(options.Smtp);

        if (options.Dkim.IsEnabled)
        {
            signer = new DkimMessageSigner(options.Dkim);
            EmailChannelLog.DkimEnabled(logger, options.Dkim.Domain!, options.Dkim.Selector!);
        }
    }

    public string Channel => ChannelNames.Email;

    public async Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken)
    {
        if (message is not EmailMessage email)
        {
            throw new ArgumentException($"The email channel cannot send a {message.GetType().Name}.", nameof(message));
        }

        // An email is a single part: if a previous attempt got it accepted, it is done.
        if (alreadySent.Count > 0)
        {
            return new SendOutcome.Sent(alreadySent);
        }

        using var slot = target.Gate.TryEnter(out var notBefore);
        if (slot is null)
        {
            return new SendOutcome.Paced([], notBefore);
        }

        using var mail = Compose(target, email);
        var messageId = mail.MessageId;
        var outcome = await SendOnPoolAsync(mail, messageId, cancellationToken).ConfigureAwait(false);
        if (outcome is SendOutcome.Sent)
        {
            EmailChannelLog.Sent(logger, messageId, target.Destination);
        }
        else
        {
            EmailChannelLog.NotSent(logger, messageId, target.Destination, outcome.GetType().Name, Reason(outcome));
        }

        return outcome;
    }

    /// <summary>Email cannot be changed once delivered; a correction goes out as a separate delivery.</summary>
    public Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent(remoteIds));

    /// <summary>Email cannot be recalled; a retraction leaves delivered mail where it is.</summary>
    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent(remoteIds));

    public ValueTask DisposeAsync() => pool.DisposeAsync();

    /// <summary>A signed message is built by MimeKit, which signs it; any other goes in its cheapest form.</summary>
    private ComposedMail Compose(DeliveryTarget target, EmailMessage email)
    {
        if (signer is null)
        {
            return composer.ComposeMail(target, email);
        }

        var mail = new MimeMail(composer.Compose(target, email));
        try
        {
            signer.Sign(mail.Message);
            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    private async Task<SendOutcome> SendOnPoolAsync(ComposedMail mail, string messageId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (raw, phase) = await pool.SendAsync(mail, cancellationToken).ConfigureAwait(false);
            if (raw is null)
            {
                return new SendOutcome.Sent([messageId]);
            }

            var failure = redactor.Redact(raw);

            // A pooled session may have been closed by the server while idle (MailKit#841) or die between
            // two messages; one fresh session is worth trying before telling the engine to wait. A failure
            // to connect at all is not retried here: the server is down and the engine backs off.
            // The one case this can duplicate is a drop after the message's final dot but before the
            // server's reply; RFC 5321 6.1 prefers that to losing the message.
            if (attempt == 1 && phase == SmtpPhase.Send && IsConnectionTrouble(failure))
            {
                EmailChannelLog.Reconnecting(logger, messageId, failure.Text);
                continue;
            }

            return SmtpFailureClassifier.Classify(failure, []);
        }
    }

    private static bool IsConnectionTrouble(SmtpFailure failure) =>
        failure.Kind == SmtpFailureKind.ConnectionLost || failure.StatusCode == 421;

    private static string Reason(SendOutcome outcome) => outcome switch
    {
        SendOutcome.RetryLater retry => retry.Reason,
        SendOutcome.Rejected rejected => rejected.Reason,
        SendOutcome.Unavailable unavailable => unavailable.Reason,
        _ => string.Empty,
    };
}
