using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Rendering;

namespace Bot.IntegrationTests.Delivery;

/// <summary>Title and body as they are, for wiring tests that do not look at templates.</summary>
public sealed class PlainTestRenderer : IMessageRenderer
{
    public RenderedMessage Render(Article article, Destination destination, EmailRecipient? recipient = null) => destination.Channel switch
    {
        ChannelNames.Telegram => new TelegramMessage([new TelegramPart(article.Title + "\n\n" + article.Body)]),
        ChannelNames.Discord => new DiscordMessage([new DiscordPart(article.Title)]),
        _ => new EmailMessage(recipient!.Email, recipient.Name, article.Title, article.Body, article.Body, article.Language, article.Direction, recipient.UnsubscribeUrl),
    };
}
