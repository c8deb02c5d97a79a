namespace Bot.Channels.Email;

/// <summary>The body part encoders of one email list: its messages share the article and differ in the footer.</summary>
internal sealed class ListBodyEncoders
{
    public TextPartEncoder Text { get; } = new("plain");

    public TextPartEncoder Html { get; } = new("html");
}
