using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Fluid;
using Fluid.Values;

namespace Bot.Core.Rendering;

/// <summary>
/// Renders articles through the Liquid templates of a templates folder, escaping every inserted value for the
/// channel, and splits the result to the platform's limits. Templates are parsed once, at construction; the
/// instance is thread-safe.
/// </summary>
public sealed class MessageRenderer : IMessageRenderer
{
    /// <summary>Discord limits (API v10, "Embed Limits"), counted in code points.</summary>
    public const int DiscordContentLimit = 2000;
    public const int DiscordTitleLimit = 256;
    public const int DiscordDescriptionLimit = 4096;
    public const int DiscordFooterLimit = 2048;
    public const int DiscordEmbedTotalLimit = 6000;

    private readonly LiquidEnvironment _liquid;

    /// <summary>Loads and parses every template under <paramref name="templatesFolder"/> (e.g. <c>config/templates</c>).</summary>
    /// <exception cref="TemplateCatalogException">A default template is missing or a template does not parse.</exception>
    public MessageRenderer(string templatesFolder, TimeProvider timeProvider)
    {
        _liquid = new LiquidEnvironment(timeProvider);
        Templates = TemplateCatalog.Load(templatesFolder, _liquid.Parser);
    }

    public TemplateCatalog Templates { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An email destination without a <paramref name="recipient"/>, or an unknown channel.</exception>
    public RenderedMessage Render(Article article, Destination destination, EmailRecipient? recipient = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.Channel switch
        {
            ChannelNames.Telegram => RenderTelegram(article, destination),
            ChannelNames.Discord => RenderDiscord(article, destination),
            ChannelNames.Email => PrepareEmail(article, destination)
                .Personalise(recipient ?? throw new ArgumentException("an email is rendered for a recipient", nameof(recipient))),
            _ => throw new ArgumentException($"unknown channel '{destination.Channel}'", nameof(destination)),
        };
    }

    /// <inheritdoc />
    public PreparedMessage Prepare(Article article, Destination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.Channel switch
        {
            ChannelNames.Telegram => PreparedMessage.Fixed(RenderTelegram(article, destination)),
            ChannelNames.Discord => PreparedMessage.Fixed(RenderDiscord(article, destination)),
            ChannelNames.Email => new SplicedEmail(PrepareEmail(article, destination)),
            _ => throw new ArgumentException($"unknown channel '{destination.Channel}'", nameof(destination)),
        };
    }

    /// <summary>
    /// The Telegram parts: with an article image, the first part is a photo whose caption holds at most 1024
    /// characters, and the text continues in messages of at most 4096.
    /// </summary>
    public TelegramMessage RenderTelegram(Article article, Destination destination)
    {
        var context = Context(article, destination);
        var html = RenderedText.Tidy(Render(destination.Template, TemplateFiles.TelegramMessage, context));
        var hasPhoto = !string.IsNullOrEmpty(article.Image);
        var parts = TelegramHtmlSplitter.Split(html, hasPhoto ? TelegramHtmlSplitter.CaptionLimit : TelegramHtmlSplitter.TextLimit);

        // Later parts would repeat the first part's link preview.
        return new TelegramMessage([.. parts.Select((p, i) => new TelegramPart(p.Markup, i == 0 && hasPhoto ? article.Image : null, i > 0))]);
    }

    /// <summary>
    /// The Discord messages: content (split at 2000), then one embed per message; a description longer than
    /// one embed allows continues in further embeds without a title.
    /// </summary>
    public DiscordMessage RenderDiscord(Article article, Destination destination)
    {
        ArgumentNullException.ThrowIfNull(article);
        var context = Context(article, destination);
        var set = destination.Template;
        var content = RenderedText.Tidy(Render(set, TemplateFiles.DiscordContent, context));
        var title = MarkdownSplitter.Truncate(RenderedText.SingleLine(Render(set, TemplateFiles.DiscordEmbedTitle, context)), DiscordTitleLimit);
        var description = RenderedText.Tidy(Render(set, TemplateFiles.DiscordEmbedDescription, context));
        var footer = MarkdownSplitter.Truncate(RenderedText.Tidy(Render(set, TemplateFiles.DiscordEmbedFooter, context)), DiscordFooterLimit);

        var published = article.Published ?? (article.Received == default ? null : article.Received);
        var parts = new List<DiscordPart>();
        var contentParts = content.Length == 0 ? [] : MarkdownSplitter.Split(content, DiscordContentLimit);
        for (var i = 0; i < contentParts.Count - 1; i++)
        {
            parts.Add(new DiscordPart(contentParts[i].Markup));
        }

        var lastContent = contentParts.Count > 0 ? contentParts[^1].Markup : null;
        if (title.Length == 0 && description.Length == 0 && footer.Length == 0)
        {
            if (lastContent is not null)
            {
                parts.Add(new DiscordPart(lastContent));
            }

            return new DiscordMessage(parts);
        }

        // Every piece is held to what is left of 6000 after a title and a footer, whichever message carries them.
        var room = Math.Min(DiscordDescriptionLimit, DiscordEmbedTotalLimit - TelegramHtmlSplitter.CodePoints(title) - TelegramHtmlSplitter.CodePoints(footer));
        var pieces = description.Length == 0 ? [new TextPart("", "")] : MarkdownSplitter.Split(description, room);
        for (var i = 0; i < pieces.Count; i++)
        {
            var first = i == 0;
            var last = i == pieces.Count - 1;
            var embed = new DiscordEmbed(
                first && title.Length > 0 ? title : null,
                first ? article.Url : null,
                pieces[i].Markup.Length > 0 ? pieces[i].Markup : null,
                last ? article.Image : null,
                last && footer.Length > 0 ? footer : null,
                last ? published : null,
                destination.Color);
            parts.Add(new DiscordPart(first ? lastContent : null, embed));
        }

        return new DiscordMessage(parts);
    }

    /// <summary>Resolves the email templates and builds the article's values once for a whole list.</summary>
    public PreparedEmail PrepareEmail(Article article, Destination destination)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(destination);
        return new PreparedEmail(
            _liquid.Options,
            Templates,
            article,
            destination.Template,
            new ObjectValue(ArticleModel.From(article)),
            new ObjectValue(new DestinationModel(destination.Name, destination.Channel)));
    }

    private TemplateContext Context(Article article, Destination destination)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(destination);
        var context = new TemplateContext(_liquid.Options) { CultureInfo = ArticleCulture.For(article.Language) };
        context.SetValue("article", new ObjectValue(ArticleModel.From(article)));
        context.SetValue("destination", new ObjectValue(new DestinationModel(destination.Name, destination.Channel)));
        return context;
    }

    private string Render(string? set, string fileName, TemplateContext context) =>
        Templates.Get(set, fileName).Template.Render(context, TemplateFiles.EncoderFor(fileName));
}
