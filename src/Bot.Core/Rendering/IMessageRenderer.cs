using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;

namespace Bot.Core.Rendering;

/// <summary>Turns an article into what one destination receives, through that destination's templates.</summary>
public interface IMessageRenderer
{
    /// <summary>
    /// Renders <paramref name="article"/> for <paramref name="destination"/>: a <see cref="TelegramMessage"/>,
    /// <see cref="DiscordMessage"/> or, with a <paramref name="recipient"/>, an <see cref="EmailMessage"/>.
    /// </summary>
    RenderedMessage Render(Article article, Destination destination, EmailRecipient? recipient = null);

    /// <summary>
    /// Renders <paramref name="article"/> for <paramref name="destination"/> once, for any number of recipients; each
    /// recipient's message is byte for byte what <see cref="Render"/> gives for it.
    /// </summary>
    PreparedMessage Prepare(Article article, Destination destination) =>
        PreparedMessage.PerRecipient(recipient => Render(article, destination, recipient));
}
