using System.Security.Cryptography;
using Bot.Channels.Email;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.Smtp;
using MimeKit;
using MimeKit.Cryptography;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class DkimSigningTests : IDisposable
{
    private readonly string keyPath = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
    private readonly string publicKey;

    public DkimSigningTests()
    {
        using var rsa = RSA.Create(2048);
        File.WriteAllText(keyPath, rsa.ExportRSAPrivateKeyPem());
        publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    public void Dispose() => File.Delete(keyPath);

    [Fact]
    public async Task SendAsync_WithDkimKey_SignatureVerifiesAndCoversTheUnsubscribeHeaders()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        var options = EmailSenderFactory.Options(server.Port);
        options.Dkim = new DkimOptions { PrivateKeyPath = keyPath, Domain = "qudspress.example", Selector = "bot2026" };
        await using var sender = EmailSenderFactory.Create(options);

        var outcome = await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org", "أحمد"), [], CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var message = Assert.Single(server.Messages).Message;
        var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
        var tags = signature.Value.Replace(" ", string.Empty).Replace("\t", string.Empty).Replace("\r\n", string.Empty);
        Assert.Contains("a=rsa-sha256", tags);
        Assert.Contains("c=relaxed/relaxed", tags);
        Assert.Contains("d=qudspress.example", tags);
        Assert.Contains("s=bot2026", tags);
        var signed = tags.Split(';').Single(t => t.StartsWith("h=")).Substring(2).ToLowerInvariant().Split(':');
        Assert.Superset(new HashSet<string> { "from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post" }, signed.ToHashSet());

        var verifier = new DkimVerifier(new InMemoryDkimKeyLocator("qudspress.example", "bot2026", publicKey));
        Assert.True(await verifier.VerifyAsync(message, signature));
    }

    [Fact]
    public async Task Verify_AfterTheUnsubscribeLinkIsChanged_Fails()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        var options = EmailSenderFactory.Options(server.Port);
        options.Dkim = new DkimOptions { PrivateKeyPath = keyPath, Domain = "qudspress.example", Selector = "bot2026" };
        await using var sender = EmailSenderFactory.Create(options);
        await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);
        var message = Assert.Single(server.Messages).Message;

        message.Headers[HeaderId.ListUnsubscribe] = "<https://evil.example/u>";

        var verifier = new DkimVerifier(new InMemoryDkimKeyLocator("qudspress.example", "bot2026", publicKey));
        Assert.False(await verifier.VerifyAsync(message, message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)]));
    }
}
