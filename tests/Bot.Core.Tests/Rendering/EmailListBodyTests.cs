using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Rendering;
using CsCheck;
using MimeKit;
using Xunit;

namespace Bot.Core.Tests.Rendering;

/// <summary>
/// The sender's composer encodes what a list's messages share once; every message must still be, byte for byte,
/// the message the plain builder (used by <c>bot preview</c> and the golden files) makes.
/// </summary>
public sealed class EmailListBodyTests
{
    private const string From = "أخبار القدس <news@news.example.org>";

    [Fact]
    public void Compose_ReferenceArticleForManySubscribers_SameBytesAsThePlainBuilder()
    {
        var renderer = ReferenceArticle.Renderer();
        var prepared = renderer.PrepareEmail(ReferenceArticle.Load(), ReferenceArticle.Email);
        var (builder, composer) = Builders();

        for (var i = 0; i < 12; i++)
        {
            var email = prepared.Personalise(new EmailRecipient($"reader{i * 37}@example.org", i % 3 == 0 ? null : $"قارئ {i}", $"https://news.example.org/unsubscribe?token=t{i * 7919}x"));

            var (fast, plain) = BothWays(builder, composer, ReferenceArticle.Email.Name, email);

            Assert.Equal(plain, fast);
            var parsed = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(fast)));
            Assert.Equal(email.TextBody, parsed.TextBody);
            Assert.Equal(email.HtmlBody, parsed.HtmlBody);
            Assert.Contains("Content-Transfer-Encoding: base64", fast, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_SplicedForEachSubscriber_SameBytesAsRenderedInFullThroughThePlainBuilder()
    {
        var renderer = ReferenceArticle.Renderer();
        var article = ReferenceArticle.Load();
        var spliced = renderer.Prepare(article, ReferenceArticle.Email);
        var full = renderer.PrepareEmail(article, ReferenceArticle.Email);
        var (builder, composer) = Builders();
        var names = new[] { "قارئ الأخبار", null, "Zoë & <O'Brien>", "قارئ 😀", "😀" };

        for (var i = 0; i < names.Length; i++)
        {
            var recipient = new EmailRecipient($"reader{i}@example.org", names[i], $"https://news.example.org/unsubscribe?token=t{i}x");
            var email = Assert.IsType<EmailMessage>(spliced.For(recipient));
            var html = Assert.IsAssignableFrom<SplicedBody>(email.SplicedHtml());
            var text = Assert.IsAssignableFrom<SplicedBody>(email.SplicedText());

            var (fast, plain) = BothWays(builder, composer, ReferenceArticle.Email.Name, email);

            Assert.Equal(plain, fast);
            Assert.Equal(full.Personalise(recipient), email);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(email.HtmlBody), Utf8(html));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(email.TextBody), Utf8(text));
        }
    }

    [Fact]
    public void For_NameWithAHalfSurrogatePair_RenderedInFull()
    {
        var renderer = ReferenceArticle.Renderer();
        var article = ReferenceArticle.Load();
        var recipient = new EmailRecipient("reader@example.org", "قارئ \uD83D", "https://news.example.org/unsubscribe?token=t");

        var email = Assert.IsType<EmailMessage>(renderer.Prepare(article, ReferenceArticle.Email).For(recipient));

        Assert.Null(email.SplicedHtml());
        Assert.Equal(renderer.PrepareEmail(article, ReferenceArticle.Email).Personalise(recipient), email);
    }

    [Fact]
    public void Compose_TwoListsAndAnArticleChange_SameBytesAsThePlainBuilder()
    {
        var renderer = ReferenceArticle.Renderer();
        var arabic = renderer.PrepareEmail(ReferenceArticle.Load(), ReferenceArticle.Email);
        var english = renderer.PrepareEmail(ReferenceArticle.With("Talks resume", "The talks resumed on Monday.", "From the desk: more later."), ReferenceArticle.Email);
        var other = ReferenceArticle.Email with { Name = "quds-english" };
        var (builder, composer) = Builders();

        for (var i = 0; i < 9; i++)
        {
            var recipient = new EmailRecipient($"r{i}@example.org", $"Reader {i}", $"https://news.example.org/unsubscribe?token=x{i}");
            var email = (i < 4 ? arabic : english).Personalise(recipient);
            var list = i % 2 == 0 ? ReferenceArticle.Email.Name : other.Name;

            var (fast, plain) = BothWays(builder, composer, list, email);

            Assert.Equal(plain, fast);
        }
    }

    [Fact]
    public void Compose_Property_AnyTextsInAnyOrder_SameBytesAsThePlainBuilder()
    {
        var gen = Gen.Bool.SelectMany(ascii =>
        {
            var line = ascii ? AsciiLine : AnyLine;
            return Gen.Select(line.Array[1, 40], line.Array[1, 40], line.Array[0, 4].Array[2, 8], Gen.Int[0, 8]);
        });

        gen.Sample(
            sample =>
            {
                var (articleA, articleB, tails, switchAt) = sample;
                var (builder, composer) = Builders();
                for (var i = 0; i < tails.Length; i++)
                {
                    var shared = string.Join('\n', i < switchAt ? articleA : articleB) + "\n";
                    var text = shared + string.Join('\n', tails[i]);
                    var email = new EmailMessage($"r{i}@example.org", null, "s", "<p>" + text, text, "ar", TextDirection.Rtl, null);

                    var (fast, plain) = BothWays(builder, composer, "list", email);

                    Assert.Equal(plain, fast);
                }
            },
            iter: 300);
    }

    /// <summary>ASCII lines: 7-bit, or quoted-printable for a line over 78 characters or one starting "From ".</summary>
    private static readonly Gen<string> AsciiLine = Gen.Frequency(
        (12, Gen.String[Gen.Char["abcdefghij ,.-=<>\""], 0, 90]),
        (1, Gen.Const("From the desk")),
        (1, Gen.String[Gen.Char["xyz "], 70, 1200]),
        (1, Gen.Const("")),
        (1, Gen.Const("ends in a return\r")));

    /// <summary>Any lines: few 8-bit bytes make quoted-printable, many (Arabic) make base64.</summary>
    private static readonly Gen<string> AnyLine = Gen.Frequency(
        (5, AsciiLine),
        (5, Gen.String[Gen.Char['ء', 'ي'], 0, 60]),
        (1, Gen.String[Gen.Char["aé ب"], 0, 30]));

    private static byte[] Utf8(SplicedBody body)
    {
        var bytes = new byte[body.Utf8Length];
        body.CopyUtf8To(bytes);
        return bytes;
    }

    private static (EmailMimeBuilder Builder, EmailMimeComposer Composer) Builders()
    {
        var builder = new EmailMimeBuilder(From, ReferenceArticle.Clock());
        return (builder, new EmailMimeComposer(builder, MailboxAddress.Parse(From)));
    }

    /// <summary>The message from the sender's composer and from the plain builder, made alike where they are random.</summary>
    private static (string Fast, string Plain) BothWays(EmailMimeBuilder builder, EmailMimeComposer composer, string list, EmailMessage email)
    {
        using var fast = composer.Compose(new DeliveryTarget(ChannelNames.Email, list, email.To), email);
        var messageId = fast.MessageId ?? throw new InvalidOperationException("no Message-ID");
        using var plain = builder.Build(email, messageId);
        if (fast.Headers[HeaderId.ListId] is { } listId)
        {
            plain.Headers.Add(HeaderId.ListId, listId);
        }

        ((Multipart)plain.Body!).Boundary = ((Multipart)fast.Body!).Boundary!;
        return (EmailMimeBuilder.Format(fast), EmailMimeBuilder.Format(plain));
    }
}
