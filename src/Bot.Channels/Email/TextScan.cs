using System.Numerics;
using System.Runtime.Intrinsics;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>
/// The byte statistics MimeKit's <c>BestEncodingFilter</c> gathers to choose a transfer encoding, kept as a value so
/// the figures for an article's shared lines are counted once and only a subscriber's own lines are scanned per
/// message. Every statistic is local to a line, so scans of consecutive whole-line segments add up exactly.
/// </summary>
internal readonly record struct TextScan(int Nuls, int EightBit, int Total, int LongestLine, bool HasFromLine)
{
    /// <summary>Scans a segment that starts at the beginning of a line (or of the text).</summary>
    public static TextScan Of(ReadOnlySpan<byte> segment)
    {
        int nuls = 0, eightBit = 0, longest = 0;
        var fromLine = false;
        var rest = segment;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            nuls += line.Count((byte)0);
            eightBit += CountEightBit(line);
            var length = end >= 0 && line.EndsWith("\r"u8) ? line.Length - 1 : line.Length;
            longest = Math.Max(longest, length);
            fromLine |= end >= 0 && line.StartsWith("From "u8);
            rest = end < 0 ? default : rest[(end + 1)..];
        }

        return new TextScan(nuls, eightBit, segment.Length, longest, fromLine);
    }

    public TextScan Add(TextScan next) => new(
        Nuls + next.Nuls, EightBit + next.EightBit, Total + next.Total, Math.Max(LongestLine, next.LongestLine), HasFromLine || next.HasFromLine);

    /// <summary>MimeKit's choice for a 7-bit transport (<c>GetBestEncoding(EncodingConstraint.SevenBit, maxLineLength)</c>).</summary>
    public ContentEncoding BestSevenBitEncoding(int maxLineLength)
    {
        if (Nuls > 0)
        {
            return ContentEncoding.Base64;
        }

        if (EightBit > 0)
        {
            return EightBit >= (int)(Total * 0.17) ? ContentEncoding.Base64 : ContentEncoding.QuotedPrintable;
        }

        return HasFromLine || LongestLine > maxLineLength ? ContentEncoding.QuotedPrintable : ContentEncoding.SevenBit;
    }

    private static int CountEightBit(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<byte>.Count <= bytes.Length; i += Vector128<byte>.Count)
            {
                count += BitOperations.PopCount(Vector128.ExtractMostSignificantBits(Vector128.Create(bytes.Slice(i, Vector128<byte>.Count))));
            }
        }

        for (; i < bytes.Length; i++)
        {
            count += bytes[i] >> 7;
        }

        return count;
    }
}
