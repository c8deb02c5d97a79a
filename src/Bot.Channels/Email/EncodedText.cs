using MimeKit;

namespace Bot.Channels.Email;

/// <summary>
/// A text body transfer-encoded for one message: the encoded bytes it shares with its list, when it shares any,
/// followed by its own.
/// </summary>
internal readonly record struct EncodedText(ContentEncoding Encoding, EncodedPrefix? Prefix, byte[] Own);
