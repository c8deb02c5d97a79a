using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// A list and address as 128 bits of their SHA-256: what an import remembers of each row to find repeats, instead of
/// the strings. Two different rows share a key with a chance of about n²/2¹²⁹ (10⁻²⁷ for a million rows).
/// </summary>
internal static class SubscriberCsvKey
{
    public static UInt128 Of(string list, string email)
    {
        var length = Encoding.UTF8.GetMaxByteCount(list.Length + email.Length + 1);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> text = rented ?? stackalloc byte[1024];
        try
        {
            var written = Encoding.UTF8.GetBytes(list, text);
            text[written++] = 0;
            written += Encoding.UTF8.GetBytes(email, text[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text[..written], hash);
            return MemoryMarshal.Read<UInt128>(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
