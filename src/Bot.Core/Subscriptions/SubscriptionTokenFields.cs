using System.Buffers.Binary;
using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// The fields every token carries, in the byte layout both token versions share: purpose (1 byte), issued and
/// expires (unix seconds, 8 bytes each, big-endian), list and address lengths (2 bytes each), list, address.
/// </summary>
internal static class SubscriptionTokenFields
{
    public const int FixedBytes = 1 + 8 + 8 + 2 + 2;
    public const int MaxFieldBytes = 1024;

    public static int Size(byte[] list, byte[] email) => FixedBytes + list.Length + email.Length;

    public static void Write(Span<byte> span, SubscriptionTokenPurpose purpose, DateTimeOffset issued, DateTimeOffset expires, byte[] list, byte[] email)
    {
        span[0] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], issued.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(span[9..], expires.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16BigEndian(span[17..], (ushort)list.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[19..], (ushort)email.Length);
        list.CopyTo(span[FixedBytes..]);
        email.CopyTo(span[(FixedBytes + list.Length)..]);
    }

    /// <summary>Reads authenticated bytes; null when they do not hold a well-formed record.</summary>
    /// <param name="padded">Whether bytes may follow the address (the encrypted form pads to hide its length).</param>
    public static SubscriptionToken? Read(ReadOnlySpan<byte> span, bool padded)
    {
        if (span.Length < FixedBytes || !Enum.IsDefined((SubscriptionTokenPurpose)span[0]))
        {
            return null;
        }

        var listLength = BinaryPrimitives.ReadUInt16BigEndian(span[17..]);
        var emailLength = BinaryPrimitives.ReadUInt16BigEndian(span[19..]);
        var used = FixedBytes + listLength + emailLength;
        if (padded ? used > span.Length : used != span.Length)
        {
            return null;
        }

        return new SubscriptionToken(
            (SubscriptionTokenPurpose)span[0],
            Encoding.UTF8.GetString(span.Slice(FixedBytes, listLength)),
            Encoding.UTF8.GetString(span.Slice(FixedBytes + listLength, emailLength)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(span[1..])),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(span[9..])));
    }
}
