using Bot.Channels.Email;
using Bot.Core.Channels;
using Bot.Core.Rendering;
using MimeKit;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class ReferenceGoldenTests
{
    private readonly MessageRenderer _renderer = ReferenceArticle.Renderer();

    [Fact]
    public void Telegram_ReferenceArticle_MatchesGoldenRequests()
    {
        var message = _renderer.RenderTelegram(ReferenceArticle.Load(), ReferenceArticle.Telegram);

        var requests = MessagePreview.Telegram(message, ReferenceArticle.Telegram.Address);

        for (var i = 0; i < requests.Count; i++)
        {
            GoldenFile.AssertMatches($"reference/telegram-{i + 1}-{requests[i].Endpoint}.json", requests[i].Body + "\n");
        }

        Assert.Single(requests);
    }

    [Fact]
    public void Discord_ReferenceArticle_MatchesGoldenRequests()
    {
        var message = _renderer.RenderDiscord(ReferenceArticle.Load(), ReferenceArticle.Discord);

        var requests = MessagePreview.Discord(message, ReferenceArticle.Discord.Address);

        for (var i = 0; i < requests.Count; i++)
        {
            GoldenFile.AssertMatches($"reference/discord-{i + 1}.json", requests[i].Body + "\n");
        }

        Assert.Single(requests);
    }

    [Fact]
    public void Email_ReferenceArticle_MatchesGoldenParts()
    {
        var email = (EmailMessage)_renderer.Render(ReferenceArticle.Load(), ReferenceArticle.Email, ReferenceArticle.Reader);

        GoldenFile.AssertMatches("reference/email-subject.txt", email.Subject + "\n");
        GoldenFile.AssertMatches("reference/email-body.html", email.HtmlBody);
        GoldenFile.AssertMatches("reference/email-body.txt", email.TextBody);
    }

    [Fact]
    public void EmailMime_ReferenceArticle_MatchesGoldenMessage()
    {
        var email = (EmailMessage)_renderer.Render(ReferenceArticle.Load(), ReferenceArticle.Email, ReferenceArticle.Reader);
        var builder = new EmailMimeBuilder("أخبار القدس <news@news.example.org>", ReferenceArticle.Clock());

        var mime = builder.Build(email, "reference.1@news.example.org");
        ((Multipart)mime.Body!).Boundary = "=-reference-boundary";

        GoldenFile.AssertMatches("reference/email.eml", EmailMimeBuilder.Format(mime).ReplaceLineEndings("\n"));
    }
}
