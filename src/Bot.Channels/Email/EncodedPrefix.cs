namespace Bot.Channels.Email;

/// <summary>Encoded bytes shared by a list's messages, ending at a line end, and their SMTP DATA form made on first use.</summary>
internal sealed class EncodedPrefix(byte[] encoded)
{
    private byte[]? wire;

    public byte[] Encoded => encoded;

    /// <summary>
    /// CRLF line ends and dots doubled (<see cref="SmtpWireText"/>), for a prefix that opens the part's content. Two
    /// threads may both make it the first time; they make the same bytes.
    /// </summary>
    public byte[] Wire => wire ??= SmtpWireText.Of(encoded);
}
