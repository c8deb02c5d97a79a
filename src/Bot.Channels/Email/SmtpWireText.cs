namespace Bot.Channels.Email;

/// <summary>
/// Bytes turned into SMTP DATA as MimeKit's writer and MailKit's <c>SmtpDataFilter</c> turn them: a bare LF becomes
/// CRLF (a CR already in place stays alone, as MimeKit's <c>Unix2DosFilter</c> leaves it) and a dot that opens a line
/// is doubled (RFC 5321 4.5.2). Lines are found with a vectorised search instead of a byte loop per filter.
/// </summary>
internal static class SmtpWireText
{
    /// <summary>
    /// Appends <paramref name="text"/>; <paramref name="previous"/> is the byte written before it (a line end for a
    /// segment that opens a line) and is updated to the last byte written.
    /// </summary>
    public static void Append(MemoryStream output, ReadOnlySpan<byte> text, ref byte previous)
    {
        var rest = text;
        var atLineStart = previous == (byte)'\n';
        while (!rest.IsEmpty)
        {
            if (atLineStart && rest[0] == (byte)'.')
            {
                output.WriteByte((byte)'.');
            }

            var end = rest.IndexOf((byte)'\n');
            if (end < 0)
            {
                output.Write(rest);
                previous = rest[^1];
                return;
            }

            output.Write(rest[..end]);
            var before = end > 0 ? rest[end - 1] : previous;
            output.Write(before == (byte)'\r' ? "\n"u8 : "\r\n"u8);
            previous = (byte)'\n';
            atLineStart = true;
            rest = rest[(end + 1)..];
        }
    }

    /// <summary><paramref name="text"/> on its own, opening a line: what <see cref="Append"/> writes for it.</summary>
    public static byte[] Of(ReadOnlySpan<byte> text)
    {
        using var output = new MemoryStream(text.Length + text.Length / 32);
        var previous = (byte)'\n';
        Append(output, text, ref previous);
        return output.ToArray();
    }
}
