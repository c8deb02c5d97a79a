namespace Bot.Channels.Email;

/// <summary>
/// What one email list's messages share, encoded once: the body parts (the article; only the footer names the
/// subscriber) and the header values every message carries alike.
/// </summary>
internal sealed class ListEncoders
{
    public TextPartEncoder Text { get; } = new("plain");

    public TextPartEncoder Html { get; } = new("html");

    public HeaderPrototypes Headers { get; } = new();
}
