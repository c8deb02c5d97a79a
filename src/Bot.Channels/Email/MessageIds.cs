using System.Buffers.Binary;
using MimeKit.Utils;

namespace Bot.Channels.Email;

/// <summary>
/// Message-IDs in the form <see cref="MimeUtils.GenerateMessageId(string)"/> makes (the time in base 36, a dot, 64
/// random bits in base 36, the domain in its ASCII form), with the random bits from <see cref="RandomBytes"/> and the
/// domain converted once: the IDNA conversion each time cost more than the rest of the header. The bits stay
/// unguessable, as bounce matching relies on the Message-ID.
/// </summary>
internal sealed class MessageIds
{
    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly string suffix;

    public MessageIds(string domain)
    {
        var sample = MimeUtils.GenerateMessageId(domain);
        suffix = sample[sample.IndexOf('@')..];
    }

    public string Next()
    {
        Span<char> id = stackalloc char[64];
        var at = AppendBase36(id, (ulong)DateTime.UtcNow.Ticks, 0);
        id[at++] = '.';
        at = AppendBase36(id, RandomBits(), at);
        return string.Concat(id[..at], suffix);
    }

    private static ulong RandomBits()
    {
        Span<byte> bits = stackalloc byte[8];
        RandomBytes.Fill(bits);
        return BinaryPrimitives.ReadUInt64BigEndian(bits);
    }

    /// <summary>Least significant digit first, as MimeKit writes them.</summary>
    private static int AppendBase36(Span<char> id, ulong value, int at)
    {
        do
        {
            id[at++] = Base36[(int)(value % 36)];
            value /= 36;
        }
        while (value != 0);
        return at;
    }
}
