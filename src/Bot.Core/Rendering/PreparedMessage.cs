using Bot.Core.Channels;

namespace Bot.Core.Rendering;

/// <summary>
/// An article version rendered for one destination, once: every recipient's message comes from it. A chat message is
/// the same for everyone; an email gets only what differs per recipient (address, name, unsubscribe link) filled in.
/// </summary>
public abstract class PreparedMessage
{
    /// <summary>The message for <paramref name="recipient"/> (null where the channel has no per-recipient part).</summary>
    public abstract RenderedMessage For(EmailRecipient? recipient);

    /// <summary>The same message for everyone.</summary>
    public static PreparedMessage Fixed(RenderedMessage message) => new FixedMessage(message);

    /// <summary>A message rendered anew for each recipient.</summary>
    public static PreparedMessage PerRecipient(Func<EmailRecipient?, RenderedMessage> render) => new RenderedPerRecipient(render);

    private sealed class FixedMessage(RenderedMessage message) : PreparedMessage
    {
        public override RenderedMessage For(EmailRecipient? recipient) => message;
    }

    private sealed class RenderedPerRecipient(Func<EmailRecipient?, RenderedMessage> render) : PreparedMessage
    {
        public override RenderedMessage For(EmailRecipient? recipient) => render(recipient);
    }
}
