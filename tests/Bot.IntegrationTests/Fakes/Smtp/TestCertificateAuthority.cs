using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>
/// A throwaway private CA and a relay certificate it issued for 127.0.0.1 and localhost, made in the test: what an
/// operator of a private relay has. The CA's PEM file is what <c>Email:Smtp:TrustedCertificate</c> points at.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private TestCertificateAuthority(X509Certificate2 root, X509Certificate2 server, string rootPemPath)
    {
        Root = root;
        Server = server;
        RootPemPath = rootPemPath;
    }

    public X509Certificate2 Root { get; }

    /// <summary>The relay's certificate, with its private key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>A temporary PEM file holding <see cref="Root"/> only.</summary>
    public string RootPemPath { get; }

    public static TestCertificateAuthority Create(string name = "Bot Test Relay CA")
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest($"CN={name}", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=relay.test", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var issued = request.Create(root, now.AddDays(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // Through PKCS#12 so that the key outlives this method for the server's TLS handshakes.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        var path = Path.Combine(Path.GetTempPath(), $"relay-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, root.ExportCertificatePem());
        return new TestCertificateAuthority(root, server, path);
    }

    public void Dispose()
    {
        File.Delete(RootPemPath);
        Server.Dispose();
        Root.Dispose();
    }
}
