using System.Security.Cryptography;

namespace Bot.Channels.Email;

/// <summary>
/// Bytes from the system's cryptographic generator, drawn a block at a time for each thread: one call to it per
/// Message-ID or boundary costs more than the rest of the header. The bytes stay unguessable.
/// </summary>
internal static class RandomBytes
{
    private const int BlockSize = 512;

    [ThreadStatic]
    private static byte[]? block;

    [ThreadStatic]
    private static int used;

    /// <summary>Fills <paramref name="destination"/>, at most <c>BlockSize</c> bytes.</summary>
    public static void Fill(Span<byte> destination)
    {
        if (block is null || used + destination.Length > BlockSize)
        {
            block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            used = 0;
        }

        block.AsSpan(used, destination.Length).CopyTo(destination);
        used += destination.Length;
    }
}
