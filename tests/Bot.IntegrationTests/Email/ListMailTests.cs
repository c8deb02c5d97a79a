using System.Text;
using Bot.Channels.Email;
using Bot.Core.Channels;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// List mail written as bytes (<see cref="ListMail"/>) against the message MimeKit builds for the same subscriber
/// (<see cref="EmailMimeBuilder"/>, the composer's List-Id), written for SMTP DATA by MimeKit and MailKit's
/// dot-stuffing filter: the same bytes, for every name, address and unsubscribe link, whichever form the composer chose.
/// </summary>
public sealed class ListMailTests : IDisposable
{
    private readonly MemoryStream scratch = new();
    private readonly EmailMimeBuilder builder = new(EmailSenderFactory.From, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero)));
    private readonly EmailMimeComposer composer;

    public ListMailTests() => composer = new EmailMimeComposer(builder, MailboxAddress.Parse(EmailSenderFactory.From));

    public void Dispose() => scratch.Dispose();

    public static TheoryData<string> Articles => ["arabic", "plain-long-lines", "plain-dotted-lines"];

    /// <summary>Names around the To line's folding width, encoded and not, quoted and not; addresses short and long.</summary>
    private static IEnumerable<(string Address, string? Name)> Recipients()
    {
        yield return ("reader@example.org", null);
        yield return ("reader@example.org", "");
        yield return ("a.much.longer.address.of.a.reader.who.likes.long.addresses@subdomain.example.org", "قارئ الأخبار");
        foreach (var name in new[] { "Zoë & <O'Brien>", "Smith, John", "\"Quoted\" Name", "back\\slash", "=?utf-8?q?x?=", "😀", "قارئ 😀", "Ali  Hassan" })
        {
            yield return ("reader@example.org", name);
        }

        for (var length = 1; length <= 90; length++)
        {
            yield return ($"r{length}@example.org", new string('n', length));
            yield return ($"r{length}@example.org", string.Concat(Enumerable.Repeat("قارئ ", length / 5 + 1))[..length].Trim());
            yield return ($"r{length}@example.org", string.Join(' ', Enumerable.Repeat("Word", length / 5 + 1))[..length].Trim());
        }
    }

    private static IEnumerable<string?> UnsubscribeLinks(string address)
    {
        yield return $"https://news.example.org/unsubscribe?token=tok-{Uri.EscapeDataString(address)}";
        yield return $"http://localhost:8080/unsubscribe?token={Uri.EscapeDataString(address)}";
        yield return null;
        yield return "https://news.example.org/unsubscribe?token=" + new string('t', 120);
        yield return "https://news.example.org/unsubscribe?token==?utf-8?q?x?=";
        yield return "https://news.example.org/unsubscribe?token=a b";
        yield return "https://news.example.org/إلغاء?token=t";
    }

    /// <summary>Links of every length around the header's folding width.</summary>
    private static IEnumerable<string> LongLinks()
    {
        for (var length = 1; length <= 140; length++)
        {
            yield return "https://news.example.org/u?t=" + new string('x', length);
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void ComposeMail_EverySubscriber_SameDataAsMimeKitWritesTheMessage(string article)
    {
        var written = 0;
        var left = 0;
        foreach (var (address, name) in Recipients())
        {
            foreach (var link in UnsubscribeLinks(address))
            {
                var email = ListBodyEncodingTests.Message(article, address) with { ToName = name, UnsubscribeUrl = link };
                using var mail = ((IMimeComposer)composer).ComposeMail(EmailTestMessages.Target(address), email);

                using var expected = Expected(email, mail);
                Assert.Equal(MailKitData.Of(expected), Data(mail));
                if (mail is ListMail listMail)
                {
                    written++;
                    using var reloaded = listMail.ToMimeMessage();
                    Assert.Equal(Data(mail), MailKitData.Of(reloaded));
                    Assert.Equal(address, Assert.IsType<MailboxAddress>(reloaded.To.Single()).Address);
                }
                else
                {
                    left++;
                }
            }
        }

        foreach (var link in LongLinks())
        {
            var email = ListBodyEncodingTests.Message(article, "reader@example.org") with { UnsubscribeUrl = link };
            using var mail = Assert.IsType<ListMail>(((IMimeComposer)composer).ComposeMail(EmailTestMessages.Target("reader@example.org"), email));
            using var expected = Expected(email, mail);
            Assert.Equal(MailKitData.Of(expected), Data(mail));
        }

        // Not vacuous: most messages were written as bytes, and the long names were left to MimeKit.
        Assert.True(written > 500, $"{written} written as bytes");
        Assert.True(left > 0, "no message was left to MimeKit");
    }

    [Fact]
    public void ComposeMail_SevenBitBodyOrInternationalAddress_LeftToMimeKit()
    {
        var shortLines = new EmailMessage("reader@example.org", null, "Budget", "<p>The council met.</p>\n", "The council met.\n", "en", Bot.Core.Articles.TextDirection.Ltr, "https://news.example.org/unsubscribe?token=t");
        var international = EmailTestMessages.Arabic("قارئ@example.org");

        using var plain = ((IMimeComposer)composer).ComposeMail(EmailTestMessages.Target("reader@example.org"), shortLines);
        using var idn = ((IMimeComposer)composer).ComposeMail(EmailTestMessages.Target("قارئ@example.org"), international);

        using var expected = Expected(shortLines, plain);
        Assert.Equal(MailKitData.Of(expected), Data(Assert.IsType<MimeMail>(plain)));
        Assert.Null(Assert.IsType<MimeMail>(idn).Envelope);
    }

    [Fact]
    public void ComposeMail_ManyMessages_EachItsOwnMessageIdAndBoundary()
    {
        var mails = Enumerable.Range(0, 200)
            .Select(i => Assert.IsType<ListMail>(((IMimeComposer)composer).ComposeMail(EmailTestMessages.Target($"r{i}@example.org"), EmailTestMessages.Arabic($"r{i}@example.org"))))
            .ToList();

        Assert.Equal(200, mails.Select(mail => mail.MessageId).Distinct().Count());
        Assert.Equal(200, mails.Select(mail => mail.Boundary).Distinct().Count());
        Assert.All(mails, mail => Assert.Matches("^=-[A-Za-z0-9+/]{22}==$", mail.Boundary));
    }

    /// <summary>What MimeKit builds for the message, with the composed one's random parts.</summary>
    private MimeMessage Expected(EmailMessage email, ComposedMail mail)
    {
        var message = builder.Build(email, mail.MessageId);
        message.Headers.Add(HeaderId.ListId, "<ar.qudspress.example>");
        if (mail is ListMail listMail)
        {
            ((Multipart)message.Body!).Boundary = listMail.Boundary;
        }
        else
        {
            ((Multipart)message.Body!).Boundary = ((Multipart)((MimeMail)mail).Message.Body!).Boundary!;
        }

        return message;
    }

    private string Data(ComposedMail mail)
    {
        using var output = new MemoryStream();
        mail.WriteData(output, scratch);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
