using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bot.Channels.Email;

/// <summary>
/// Decides whether the relay's TLS certificate is trusted: by the system's store, or by a chain that ends at one of
/// the certificates of <c>Email:Smtp:TrustedCertificate</c> (a private CA, or the relay's own self-signed
/// certificate). The host name must match either way; nothing is accepted unchecked. Thread-safe.
/// </summary>
internal sealed class RelayCertificateTrust
{
    private readonly X509Certificate2Collection? anchors;

    private RelayCertificateTrust(X509Certificate2Collection? anchors) => this.anchors = anchors;

    /// <summary>The system's store only.</summary>
    public static RelayCertificateTrust System { get; } = new(null);

    /// <summary>The system's store, and the certificates of the PEM file at <paramref name="path"/> when one is given.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read or holds no certificate; the message names the key.</exception>
    public static RelayCertificateTrust From(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return System;
        }

        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"Email:Smtp:TrustedCertificate: cannot read '{path}': {exception.Message}", exception);
        }

        return anchors.Count > 0
            ? new RelayCertificateTrust(anchors)
            : throw new InvalidOperationException($"Email:Smtp:TrustedCertificate: no PEM certificate in '{path}'.");
    }

    /// <summary>True when the certificate is trusted; otherwise <paramref name="problem"/> says why, on one line.</summary>
    public bool Validate(string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, out string? problem)
    {
        problem = null;
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problem = $"{host} sent no certificate";
            return false;
        }

        using var leaf = new X509Certificate2(certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problem = $"the certificate of {host} ({leaf.Subject}) is not issued for that name";
            return false;
        }

        if (anchors is null)
        {
            problem = $"the certificate of {host} ({Describe(leaf)}) is not trusted ({Statuses(chain)}); "
                + "a private relay's CA can be trusted with Email:Smtp:TrustedCertificate";
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(anchors);
        // A private CA rarely publishes revocation lists, and the relay is named by the operator.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent.
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (custom.Build(leaf))
        {
            return true;
        }

        problem = $"the certificate of {host} ({Describe(leaf)}) is not trusted by Email:Smtp:TrustedCertificate ({Statuses(custom)})";
        return false;
    }

    private static string Describe(X509Certificate2 certificate) =>
        certificate.Subject == certificate.Issuer ? $"{certificate.Subject}, self-signed" : $"{certificate.Subject}, issued by {certificate.Issuer}";

    private static string Statuses(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "chain not valid"
            : string.Join(", ", chain.ChainStatus.Select(status => status.Status.ToString()).Distinct());
}
