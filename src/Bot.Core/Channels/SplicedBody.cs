namespace Bot.Core.Channels;

/// <summary>
/// An email body spliced for one subscriber from a rendering the whole list shares: its UTF-8 is copied from pieces
/// encoded once, so the email channel sends it without building the body as a string and encoding it again.
/// </summary>
public abstract class SplicedBody
{
    /// <summary>The body's length in UTF-8 bytes.</summary>
    public abstract int Utf8Length { get; }

    /// <summary>Writes the body as UTF-8, byte for byte what encoding <see cref="ToString"/> gives.</summary>
    public abstract void CopyUtf8To(Span<byte> destination);

    /// <summary>The body as text, built on each call.</summary>
    public abstract override string ToString();
}
