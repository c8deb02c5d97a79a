using System.Security.Cryptography;
using System.Text;
using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MimeKit.Cryptography;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// The channel's MIME building, which encodes what a list's messages share once (<see cref="ListEncoders"/>),
/// against the straightforward path (MimeKit's BodyBuilder, every byte encoded per message): the same bytes on the
/// wire and the same DKIM body hash, signature verified, for every subscriber of a list in turn. The SMTP DATA the
/// channel writes (<see cref="SmtpWireWriter"/>, shared bytes converted once) is what MimeKit's writer through MailKit's
/// dot-stuffing filter makes of the straightforward message.
/// </summary>
public sealed class ListBodyEncodingTests : IDisposable
{
    private const string Boundary = "=-list-boundary-for-comparison";

    private readonly MemoryStream scratch = new();
    private readonly string keyPath = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
    private readonly string publicKey;

    public ListBodyEncodingTests()
    {
        using var rsa = RSA.Create(2048);
        File.WriteAllText(keyPath, rsa.ExportRSAPrivateKeyPem());
        publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    public void Dispose()
    {
        scratch.Dispose();
        File.Delete(keyPath);
    }

    // Arabic goes out in base64, English with long lines in quoted-printable.
    // Lines that open with a dot are doubled on the wire, in the shared part and in the subscriber's own.
    public static TheoryData<string> Articles => ["arabic", "plain-long-lines", "plain-short-lines", "plain-dotted-lines"];

    [Theory]
    [MemberData(nameof(Articles))]
    public async Task Build_EverySubscriberOfAList_SameBytesAndDkimAsTheStraightforwardPath(string article)
    {
        var builder = new EmailMimeBuilder(EmailSenderFactory.From, new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero)));
        var encoders = new ListEncoders();
        var signer = new DkimMessageSigner(new DkimOptions { PrivateKeyPath = keyPath, Domain = "qudspress.example", Selector = "bot2026" });
        var verifier = new DkimVerifier(new InMemoryDkimKeyLocator("qudspress.example", "bot2026", publicKey));
        var sharedParts = 0;

        foreach (var reader in new[] { "reader1@example.org", "reader2@example.org", "a.much.longer.address.of.reader3@example.org", "reader4@example.org" })
        {
            var email = Message(article, reader);
            using var optimized = builder.Build(email, $"{reader}.id@qudspress.example", encoders);
            using var straightforward = builder.Build(email, $"{reader}.id@qudspress.example");
            ((Multipart)optimized.Body!).Boundary = Boundary;
            ((Multipart)straightforward.Body!).Boundary = Boundary;
            sharedParts += ((Multipart)optimized.Body!).OfType<TextPart>().Count(part => part.Content?.Stream is MimeKit.IO.ChainedStream);

            Assert.Equal(EmailMimeBuilder.Format(straightforward), EmailMimeBuilder.Format(optimized));
            Assert.Equal(MailKitData.Of(straightforward), Data(optimized));

            signer.Sign(optimized);
            signer.Sign(straightforward);
            Assert.Equal(MailKitData.Of(optimized), Data(optimized));
            var signature = optimized.Headers[optimized.Headers.IndexOf(HeaderId.DkimSignature)];
            Assert.Equal(BodyHash(straightforward), BodyHash(optimized));
            Assert.True(await verifier.VerifyAsync(Reload(optimized), signature));
        }

        // Not vacuous: after the first subscriber, the encoded (non-7-bit) parts were built from shared bytes.
        Assert.True(sharedParts >= 3, $"{sharedParts} parts built from shared bytes");
    }

    internal static EmailMessage Message(string article, string reader)
    {
        var unsubscribe = $"https://news.example.org/unsubscribe?token=tok-{Uri.EscapeDataString(reader)}";
        if (article == "arabic")
        {
            return EmailTestMessages.Arabic(reader) with { UnsubscribeUrl = unsubscribe };
        }

        var line = article is "plain-long-lines" or "plain-dotted-lines"
            ? string.Concat(Enumerable.Repeat("The council met on Friday and agreed the budget for the coming year. ", 4))
            : "The council met on Friday.";
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 30).Select(i => article == "plain-dotted-lines" ? $".{i} {line}\n.." : $"{i}. {line}"));
        var footer = article == "plain-dotted-lines" ? $"\n.{reader}" : "";
        return new EmailMessage(
            reader,
            null,
            "Council agrees the budget",
            $"<!DOCTYPE html><html lang=\"en\"><body><h1>Council agrees the budget</h1><p>{paragraphs.Replace("\n\n", "</p>\n<p>")}</p>\n<p><a href=\"{unsubscribe}\">Unsubscribe</a></p></body></html>",
            $"Council agrees the budget\n\n{paragraphs}\n\nUnsubscribe: {unsubscribe}{footer}\n",
            "en",
            TextDirection.Ltr,
            unsubscribe);
    }

    private static string BodyHash(MimeMessage message)
    {
        var value = (message.Headers[HeaderId.DkimSignature] ?? string.Empty).Replace(" ", string.Empty).Replace("\t", string.Empty).Replace("\r\n", string.Empty);
        return value.Split(';').Single(tag => tag.StartsWith("bh=", StringComparison.Ordinal));
    }

    /// <summary>The message as the channel writes it for SMTP DATA, with one scratch buffer for all, as a session has.</summary>
    private string Data(MimeMessage message)
    {
        using var output = new MemoryStream();
        SmtpWireWriter.Write(message, output, scratch);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The message as a receiver parses it from the wire.</summary>
    private static MimeMessage Reload(MimeMessage message) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(EmailMimeBuilder.Format(message))));
}
