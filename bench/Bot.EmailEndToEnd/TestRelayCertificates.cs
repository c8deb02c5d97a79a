using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bot.EmailEndToEnd;

/// <summary>
/// A throwaway CA and a certificate it issued for 127.0.0.1, as PEM files: the CA for the bot's
/// <c>Email:Smtp:TrustedCertificate</c> and stunnel's client <c>CAfile</c>, the certificate and key for stunnel's server.
/// </summary>
internal sealed record TestRelayCertificates(string CaPath, string ServerPath)
{
    public static TestRelayCertificates Write(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Bench Relay CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=relay.bench", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, now.AddDays(-1), now.AddDays(6), RandomNumberGenerator.GetBytes(16));

        var caPath = Path.Combine(folder, "relay-ca.pem");
        var serverPath = Path.Combine(folder, "relay.pem");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        File.WriteAllText(serverPath, server.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return new TestRelayCertificates(caPath, serverPath);
    }
}
