using MimeKit.IO;

namespace Bot.Channels.Email;

/// <summary>
/// A list message's encoded body part: the bytes it shares with the list (encoded once) chained to its own. MimeKit
/// reads it as one stream; <see cref="SmtpWireWriter"/> copies the shared part as it goes on the wire, converted once.
/// </summary>
internal sealed class SharedPrefixContent : ChainedStream
{
    public SharedPrefixContent(EncodedPrefix prefix, byte[] own)
    {
        Prefix = prefix;
        Own = own;
        Add(new MemoryStream(prefix.Encoded, writable: false));
        Add(new MemoryStream(own, writable: false));
    }

    public EncodedPrefix Prefix { get; }

    public byte[] Own { get; }
}
