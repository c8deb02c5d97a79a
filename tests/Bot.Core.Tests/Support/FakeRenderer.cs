using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Rendering;

namespace Bot.Core.Tests.Support;

/// <summary>
/// Renders the title, then one part per paragraph: enough to tell versions apart and to vary the part count.
/// </summary>
public sealed class FakeRenderer : IMessageRenderer
{
    public RenderedMessage Render(Article article, Destination destination, EmailRecipient? recipient = null) => destination.Channel switch
    {
        ChannelNames.Telegram => new TelegramMessage(
            [new TelegramPart($"<b>{article.Title}</b> v{article.Version}"), .. article.Paragraphs.Skip(1).Select(p => new TelegramPart(p))]),
        ChannelNames.Discord => new DiscordMessage(
            [new DiscordPart($"**{article.Title}** v{article.Version}"), .. article.Paragraphs.Skip(1).Select(p => new DiscordPart(p))]),
        _ => new EmailMessage(recipient!.Email, recipient.Name, $"{article.Title} v{article.Version}", "<p>" + article.Body + "</p>", article.Body,
            article.Language, article.Direction, recipient.UnsubscribeUrl),
    };
}
