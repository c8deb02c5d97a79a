using System.Net;
using Bot.Core.Channels;
using Bot.Core.Rendering;
using Xunit;

namespace Bot.Core.Tests.Rendering;

/// <summary>Article text that looks like markup must reach every channel as the literal text the author wrote.</summary>
public sealed class InjectionTests
{
    public static TheoryData<string> Payloads => new()
    {
        "<b>not bold</b>",
        "fish &amp; chips",
        "*bold* and **strong**",
        "__x__ ~~y~~ `z` ||w||",
        "@everyone and @here",
        "<@123> <@&456> <#789> <@!42>",
        "1 < 2",
        "# heading\n> quote\n- item\n1. first",
        "[link](https://evil.example) \"quoted\" 'single'",
        "قال “هذا <i>نص</i>” & @everyone",
    };

    private readonly MessageRenderer _renderer = ReferenceArticle.Renderer();

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Telegram_MarkupInArticleText_ShowsLiterally(string payload)
    {
        var message = _renderer.RenderTelegram(ReferenceArticle.With(payload, payload), ReferenceArticle.Telegram);

        var part = Assert.Single(message.Parts);
        var (text, error) = StrictTelegramHtml.Read(part.Html);
        Assert.Null(error);
        Assert.StartsWith(payload + "\n\n" + payload + "\n\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Discord_MarkupInArticleText_ShowsLiterallyAndPingsNobody(string payload)
    {
        var message = _renderer.RenderDiscord(ReferenceArticle.With(payload, payload), ReferenceArticle.Discord);

        var embed = Assert.Single(message.Parts).Embed!;
        Assert.Equal(payload.ReplaceLineEndings(" "), DiscordMarkdown.Displayed(embed.Title!));
        Assert.Equal(payload, DiscordMarkdown.Displayed(embed.Description!));
        Assert.Null(DiscordMarkdown.LiveMarkup(embed.Title!));
        Assert.Null(DiscordMarkdown.LiveMarkup(embed.Description!));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Email_MarkupInArticleText_ShowsLiterally(string payload)
    {
        var email = (EmailMessage)_renderer.Render(ReferenceArticle.With(payload, payload), ReferenceArticle.Email, ReferenceArticle.Reader);

        Assert.Equal(payload.ReplaceLineEndings(" "), email.Subject);
        Assert.StartsWith(payload + "\n", email.TextBody, StringComparison.Ordinal);
        var encoded = HtmlTextEncoder.Email.Encode(payload);
        Assert.Contains(">" + encoded + "</p>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(payload, WebUtility.HtmlDecode(encoded));
        Assert.DoesNotContain("<b>not", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailHtmlEncoder_Arabic_StaysReadable()
    {
        Assert.Equal("قال “نعم” &amp; &lt;", HtmlTextEncoder.Email.Encode("قال “نعم” & <"));
    }

    [Fact]
    public void TelegramEncoder_Apostrophe_LeftAlone()
    {
        Assert.Equal("it's &quot;x&quot; &lt;&gt; &amp;", HtmlTextEncoder.Telegram.Encode("it's \"x\" <> &"));
    }

    [Fact]
    public void DiscordEncoder_Mentions_GetZeroWidthSpaceAfterAt()
    {
        Assert.Equal("@\u200Beveryone \\<@\u200B123\\>", DiscordMarkdownEncoder.Instance.Encode("@everyone <@123>"));
    }

    [Fact]
    public void DiscordEncoder_FullStop_EscapedOnlyAfterLeadingDigits()
    {
        Assert.Equal("1\\. first\nin 2023. yes.", DiscordMarkdownEncoder.Instance.Encode("1. first\nin 2023. yes."));
    }

    [Fact]
    public void RawFilter_TemplateOptsOut_InsertsValueUnescaped()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("raw/message.liquid", "{{ article.title | raw }} {{ article.title }}");
        var renderer = new MessageRenderer(folder.Path, ReferenceArticle.Clock());

        var message = renderer.RenderTelegram(ReferenceArticle.With("<b>x</b>"), ReferenceArticle.Telegram with { Template = "raw" });

        Assert.Equal("<b>x</b> &lt;b&gt;x&lt;/b&gt;", Assert.Single(message.Parts).Html);
    }
}
