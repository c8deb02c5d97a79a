using System.Collections.Concurrent;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>
/// Headers whose values repeat from message to message (the subject, the language, the date within a second), each
/// encoded once and copied per message. A header made from a string is RFC 2047-encoded and folded by MimeKit, and
/// each one made that way also copies MimeKit's parser options; a copy of a made one shares both. Thread-safe.
/// </summary>
internal sealed class HeaderPrototypes
{
    /// <summary>Enough for a list's constant headers and a few seconds of dates; past it the cache starts again.</summary>
    private const int MaxKept = 64;

    private readonly ConcurrentDictionary<(string Field, string Value), Prototype> kept = new();

    /// <summary>A new header, byte for byte what <c>new Header(field, value)</c> makes.</summary>
    public Header Get(string field, string value) => Find(field, value).Header.Clone();

    /// <summary>The line that header makes in SMTP DATA, its CRLF included.</summary>
    public byte[] Line(string field, string value) => Find(field, value).Line;

    /// <summary>The line <paramref name="header"/> makes in SMTP DATA, as MimeKit writes it.</summary>
    public static byte[] LineOf(Header header) => SmtpWireText.Of([.. header.RawField, (byte)':', .. header.RawValue]);

    private Prototype Find(string field, string value)
    {
        if (!kept.TryGetValue((field, value), out var prototype))
        {
            if (kept.Count >= MaxKept)
            {
                kept.Clear();
            }

            prototype = kept.GetOrAdd((field, value), static key => new Prototype(new Header(key.Field, key.Value)));
        }

        return prototype;
    }

    private sealed class Prototype(Header header)
    {
        public Header Header => header;

        /// <summary>Made on first use; two threads may both make it, alike.</summary>
        public byte[] Line => field ??= LineOf(header);
    }
}
