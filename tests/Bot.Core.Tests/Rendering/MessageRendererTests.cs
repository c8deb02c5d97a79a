using System.Text;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Rendering;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class MessageRendererTests
{
    private readonly MessageRenderer _renderer = ReferenceArticle.Renderer();

    [Fact]
    public void RenderTelegram_ArticleWithImage_FirstPartIsPhotoWithCaptionWithinLimit()
    {
        var article = ReferenceArticle.Load() with { Image = "https://news.example.org/photo.jpg", Url = "https://news.example.org/a/1" };

        var message = _renderer.RenderTelegram(article, ReferenceArticle.Telegram);

        Assert.True(message.Parts.Count > 1);
        Assert.Equal("https://news.example.org/photo.jpg", message.Parts[0].PhotoUrl);
        Assert.True(StrictTelegramHtml.Read(message.Parts[0].Html).Text!.EnumerateRunes().Count() <= TelegramHtmlSplitter.CaptionLimit);
        Assert.All(message.Parts.Skip(1), p => Assert.Null(p.PhotoUrl));
        Assert.All(message.Parts.Skip(1), p => Assert.True(p.DisableLinkPreview));
        Assert.All(message.Parts, p => Assert.Null(StrictTelegramHtml.Read(p.Html).Error));
    }

    [Fact]
    public void RenderTelegram_VeryLongArticle_EveryPartWithinLimitsAndTextComplete()
    {
        var reference = ReferenceArticle.Load();
        var article = reference with { Paragraphs = [.. Enumerable.Repeat(reference.Paragraphs, 4).SelectMany(p => p)] };

        var message = _renderer.RenderTelegram(article, ReferenceArticle.Telegram);

        Assert.True(message.Parts.Count >= 3);
        var texts = message.Parts.Select(p => StrictTelegramHtml.Read(p.Html).Text!).ToList();
        Assert.All(texts, t => Assert.True(t.EnumerateRunes().Count() <= TelegramHtmlSplitter.TextLimit));
        Assert.All(texts.Skip(1), t => Assert.False(char.IsWhiteSpace(t[0])));
        var joined = string.Concat(texts);
        Assert.Contains(string.Join("\n\n", article.Paragraphs), joined, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderTelegram_PublishedDate_FormattedInArticleLanguage()
    {
        var published = new DateTimeOffset(2023, 12, 23, 20, 0, 0, TimeSpan.FromHours(3));
        var arabic = ReferenceArticle.With("t") with { Language = "ar", Published = published };
        var saudi = arabic with { Language = "ar-SA" };
        var english = arabic with { Language = "en" };

        string Last(Article a) => _renderer.RenderTelegram(a, ReferenceArticle.Telegram).Parts[^1].Html.Split('\n')[^1];

        Assert.Equal("23 ديسمبر 2023", Last(arabic));
        Assert.Equal("23 ديسمبر 2023", Last(saudi));
        Assert.Equal("23 December 2023", Last(english));
    }

    [Fact]
    public void Render_NamedSet_OverridesItsFilesAndFallsBackForTheRest()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("breaking/message.liquid", "🔴 <b>{{ article.title }}</b> {{ destination.name }} {{ 'now' | date: '%Y' }}");
        folder.Write("breaking/subject.liquid", "عاجل: {{ article.title }}");
        var renderer = new MessageRenderer(folder.Path, ReferenceArticle.Clock());
        var article = ReferenceArticle.Load();

        var telegram = renderer.RenderTelegram(article, ReferenceArticle.Telegram with { Template = "breaking" });
        var email = (EmailMessage)renderer.Render(article, ReferenceArticle.Email with { Template = "breaking" }, ReferenceArticle.Reader);

        Assert.Equal($"🔴 <b>{article.Title}</b> quds-telegram 2023", Assert.Single(telegram.Parts).Html);
        Assert.Equal("عاجل: " + article.Title, email.Subject);
        Assert.Contains(article.Paragraphs[0], email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatNumber_ArabicAndEnglish_UseTheirSeparatorsWithWesternDigits()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("numbers/message.liquid", "{{ 1234567.5 | format_number: 'N1' }} {{ article.version | format_number }}");
        var renderer = new MessageRenderer(folder.Path, ReferenceArticle.Clock());
        var destination = ReferenceArticle.Telegram with { Template = "numbers" };

        var arabic = renderer.RenderTelegram(ReferenceArticle.With("t") with { Language = "ar", Version = 1200 }, destination);
        var english = renderer.RenderTelegram(ReferenceArticle.With("t") with { Version = 1200 }, destination);

        Assert.Equal("1٬234٬567٫5 1٬200", Assert.Single(arabic.Parts).Html);
        Assert.Equal("1,234,567.5 1,200", Assert.Single(english.Parts).Html);
    }

    [Fact]
    public void Render_UnknownTemplateSet_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _renderer.Render(ReferenceArticle.Load(), ReferenceArticle.Telegram with { Template = "nope" }));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmailWithoutRecipient_Throws()
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render(ReferenceArticle.Load(), ReferenceArticle.Email));
    }

    [Fact]
    public void RenderDiscord_LongDescription_ContinuesInEmbedsWithinEveryLimit()
    {
        var reference = ReferenceArticle.Load();
        var article = reference with
        {
            Title = new string('ع', 300),
            Image = "https://news.example.org/photo.jpg",
            Url = "https://news.example.org/a/1",
            Paragraphs = [.. Enumerable.Repeat(reference.Paragraphs, 4).SelectMany(p => p)],
        };

        var message = _renderer.RenderDiscord(article, ReferenceArticle.Discord);

        Assert.True(message.Parts.Count >= 3);
        var first = message.Parts[0].Embed!;
        Assert.Equal(256, first.Title!.EnumerateRunes().Count());
        Assert.EndsWith("…", first.Title, StringComparison.Ordinal);
        Assert.Equal(article.Url, first.Url);
        Assert.Equal(article.Image, message.Parts[^1].Embed!.ImageUrl);
        foreach (var part in message.Parts)
        {
            var embed = part.Embed!;
            var total = Count(embed.Title) + Count(embed.Description) + Count(embed.FooterText);
            Assert.True(Count(embed.Description) <= MessageRenderer.DiscordDescriptionLimit);
            Assert.True(total <= MessageRenderer.DiscordEmbedTotalLimit);
            Assert.True(Count(part.Content) <= MessageRenderer.DiscordContentLimit);
        }

        var shown = DiscordMarkdown.Displayed(string.Concat(message.Parts.Select(p => p.Embed!.Description)));
        Assert.Equal(string.Join("\n\n", article.Paragraphs), shown);
    }

    [Fact]
    public void RenderDiscord_LongContent_SplitsAtTwoThousandBeforeTheEmbed()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("chatty/content.liquid", "{{ article.body }}");
        var renderer = new MessageRenderer(folder.Path, ReferenceArticle.Clock());
        var article = ReferenceArticle.Load();

        var message = renderer.RenderDiscord(article, ReferenceArticle.Discord with { Template = "chatty" });

        Assert.True(message.Parts.Count >= 2);
        Assert.All(message.Parts, p => Assert.True(Count(p.Content) <= MessageRenderer.DiscordContentLimit));
        Assert.Null(message.Parts[0].Embed);
        Assert.NotNull(message.Parts[^1].Embed);
        Assert.Equal(article.Body, DiscordMarkdown.Displayed(string.Concat(message.Parts.Select(p => p.Content))));
    }

    [Fact]
    public void PrepareEmail_TwoSubscribers_EachGetsOwnAddressNameAndLink()
    {
        var prepared = _renderer.PrepareEmail(ReferenceArticle.Load(), ReferenceArticle.Email);

        var first = prepared.Personalise(new EmailRecipient("a@example.org", "Ann & Co", "https://x.example/u?t=1&s=2"));
        var second = prepared.Personalise(new EmailRecipient("b@example.org", null, null));

        Assert.Equal(("a@example.org", "Ann & Co"), (first.To, first.ToName));
        Assert.Contains("<span dir=\"ltr\">a@example.org</span>", first.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.example/u?t=1&amp;s=2\"", first.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("لإلغاء الاشتراك: https://x.example/u?t=1&s=2", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("b@example.org", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("unsubscribe", second.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("الاشتراك:", second.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmail_EnglishArticle_IsLeftToRightEverywhere()
    {
        var email = (EmailMessage)_renderer.Render(ReferenceArticle.With("Title", "Body."), ReferenceArticle.Email, ReferenceArticle.Reader);

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("direction:ltr;text-align:left", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("rtl", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: https://news.example.org/unsubscribe?token=abc123", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmail_ArabicArticle_CarriesDirectionOnHtmlWrapperAndBlocks()
    {
        var email = (EmailMessage)_renderer.Render(ReferenceArticle.Load(), ReferenceArticle.Email, ReferenceArticle.Reader);

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("max-width:600px", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\" style=\"max-width:600px", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(ReferenceArticle.Load().Paragraphs.Count, CountOf(email.HtmlBody, "<p dir=\"rtl\" style=\"margin:0 0 16px 0;direction:rtl;text-align:right;\">"));
        Assert.DoesNotContain("&#x", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(TextDirection.Rtl, email.Direction);
    }

    private static int Count(string? text) => text?.EnumerateRunes().Count() ?? 0;

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
