using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Bot.IntegrationTests.Email;

/// <summary>Answers the DKIM DNS lookup for one selector with a TXT record built in the test.</summary>
internal sealed class InMemoryDkimKeyLocator(string domain, string selector, string publicKeyBase64) : DkimPublicKeyLocatorBase
{
    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain1, string selector1, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(domain1, domain, StringComparison.OrdinalIgnoreCase) || selector1 != selector)
        {
            throw new InvalidOperationException($"No DKIM key for {selector1}._domainkey.{domain1}");
        }

        return GetPublicKey($"v=DKIM1; k=rsa; p={publicKeyBase64}");
    }

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain1, string selector1, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain1, selector1, cancellationToken));
}
