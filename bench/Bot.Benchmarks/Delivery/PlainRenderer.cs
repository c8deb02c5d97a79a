using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Rendering;

namespace Bot.Benchmarks.Delivery;

/// <summary>A renderer that costs next to nothing, so the benchmark does not measure templates.</summary>
public sealed class PlainRenderer : IMessageRenderer
{
    public RenderedMessage Render(Article article, Destination destination, EmailRecipient? recipient = null) =>
        new EmailMessage(recipient?.Email ?? "", recipient?.Name, article.Title, article.Body, article.Body, article.Language, article.Direction, null);
}
