using Microsoft.Extensions.Options;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>Checks the email section at start-up; every message names the offending key.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        var smtp = options.Smtp;
        if (smtp.Port is < 1 or > 65535)
        {
            problems.Add($"Email:Smtp:Port must be between 1 and 65535 (got {smtp.Port}).");
        }

        if (smtp.PoolSize is < 1 or > 64)
        {
            problems.Add($"Email:Smtp:PoolSize must be between 1 and 64 (got {smtp.PoolSize}).");
        }

        if (smtp.Timeout <= TimeSpan.Zero)
        {
            problems.Add("Email:Smtp:Timeout must be positive.");
        }

        if (!string.IsNullOrWhiteSpace(smtp.TrustedCertificate))
        {
            if (smtp.Security == SmtpSecurity.None)
            {
                problems.Add($"Email:Smtp:TrustedCertificate is set but Email:Smtp:Security is None (got '{smtp.TrustedCertificate}').");
            }
            else
            {
                try
                {
                    RelayCertificateTrust.From(smtp.TrustedCertificate);
                }
                catch (InvalidOperationException invalid)
                {
                    problems.Add(invalid.Message);
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            problems.Add("Email:From must be an email address, optionally with a display name, when Email:Smtp:Host is set.");
        }

        if (!string.IsNullOrWhiteSpace(smtp.Password) && string.IsNullOrWhiteSpace(smtp.Username))
        {
            problems.Add("Email:Smtp:Password is set but Email:Smtp:Username is not.");
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            problems.Add("Email:PublicBaseUrl is required when Email:Smtp:Host is set: the public root of the confirm and unsubscribe links.");
        }
        else if (!(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var root) && (root.Scheme == Uri.UriSchemeHttps || root.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add("Email:PublicBaseUrl must be an absolute http(s) URL.");
        }

        var dkim = options.Dkim;
        if (dkim.IsEnabled)
        {
            if (string.IsNullOrWhiteSpace(dkim.Domain))
            {
                problems.Add("Email:Dkim:Domain is required when Email:Dkim:PrivateKeyPath is set.");
            }

            if (string.IsNullOrWhiteSpace(dkim.Selector))
            {
                problems.Add("Email:Dkim:Selector is required when Email:Dkim:PrivateKeyPath is set.");
            }

            if (!File.Exists(dkim.PrivateKeyPath))
            {
                problems.Add($"Email:Dkim:PrivateKeyPath: file not found: {dkim.PrivateKeyPath}");
            }
        }
        else if (!string.IsNullOrWhiteSpace(dkim.Domain) || !string.IsNullOrWhiteSpace(dkim.Selector))
        {
            problems.Add("Email:Dkim:PrivateKeyPath is required when Email:Dkim:Domain or Selector is set.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
