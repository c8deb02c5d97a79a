using Bot.Channels.Email;
using Bot.Core.Channels;
using MimeKit;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class EmailMimeBuilderTests
{
    private readonly EmailMessage _email = (EmailMessage)ReferenceArticle.Renderer()
        .Render(ReferenceArticle.Load(), ReferenceArticle.Email, ReferenceArticle.Reader);

    [Fact]
    public void Build_ReferenceEmail_RoundTripsArabicSubjectNamesAndBodies()
    {
        var builder = new EmailMimeBuilder("أخبار القدس <news@news.example.org>", ReferenceArticle.Clock());

        var parsed = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(EmailMimeBuilder.Format(builder.Build(_email)))));

        Assert.Equal(_email.Subject, parsed.Subject);
        Assert.Equal("قارئ الأخبار", parsed.To.Mailboxes.Single().Name);
        Assert.Equal("أخبار القدس", parsed.From.Mailboxes.Single().Name);
        Assert.Equal(_email.TextBody, parsed.TextBody);
        Assert.Equal(_email.HtmlBody, parsed.HtmlBody);
        Assert.Equal(ReferenceArticle.Received, parsed.Date);
        Assert.EndsWith("@news.example.org", parsed.MessageId, StringComparison.Ordinal);
        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void Build_WithHttpsUnsubscribe_AddsOneClickHeaders()
    {
        var message = new EmailMimeBuilder("news@news.example.org", ReferenceArticle.Clock()).Build(_email);

        Assert.Equal("<https://news.example.org/unsubscribe?token=abc123>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Build_WithoutUnsubscribe_AddsNoListHeaders()
    {
        var message = new EmailMimeBuilder("news@news.example.org", ReferenceArticle.Clock()).Build(_email with { UnsubscribeUrl = null });

        Assert.False(message.Headers.Contains("List-Unsubscribe"));
        Assert.False(message.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Fact]
    public void Build_EveryLine_IsSevenBitAscii()
    {
        var raw = EmailMimeBuilder.Format(new EmailMimeBuilder("news@news.example.org", ReferenceArticle.Clock()).Build(_email));

        Assert.All(raw, c => Assert.True(c < 128));
    }
}
