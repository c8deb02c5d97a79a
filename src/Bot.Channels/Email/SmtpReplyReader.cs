using System.Text;
using MailKit.Net.Smtp;

namespace Bot.Channels.Email;

/// <summary>One SMTP reply: its code and its text lines joined by newlines.</summary>
internal readonly record struct SmtpReply(int Code, string Text)
{
    public bool IsPositive => Code is >= 200 and < 400;
}

/// <summary>
/// Reads RFC 5321 replies (<c>250-first line</c> … <c>250 last line</c>) from a session stream. Several replies
/// can arrive in one read when commands were pipelined; what is left over waits for the next call.
/// </summary>
internal sealed class SmtpReplyReader(Stream stream)
{
    // RFC 5321 4.5.3.1.5 caps a reply line at 512 octets; a server may be generous, not endless.
    private const int MaxLine = 4096;

    private readonly byte[] buffer = new byte[MaxLine * 2];
    private int start;
    private int end;

    /// <summary>True when bytes past the last reply read have arrived (the server spoke out of turn).</summary>
    public bool HasUnread => end > start;

    public async ValueTask<SmtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        StringBuilder? text = null;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || code is < 200 or > 599
                || (line.Length > 3 && line[3] is not ' ' and not '-'))
            {
                throw new SmtpProtocolException($"The SMTP server sent a malformed reply: {Shorten(line)}");
            }

            var content = line.Length > 4 ? line[4..] : string.Empty;
            if (line.Length > 3 && line[3] == '-')
            {
                (text ??= new StringBuilder()).Append(content).Append('\n');
                continue;
            }

            return new SmtpReply(code, text is null ? content : text.Append(content).ToString());
        }
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = newline > 0 && buffer[start + newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.UTF8.GetString(buffer, start, length);
                start += newline + 1;
                return line;
            }

            if (end - start >= MaxLine)
            {
                throw new SmtpProtocolException($"The SMTP server sent a reply line longer than {MaxLine} bytes.");
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The SMTP server closed the connection.");
            }

            end += read;
        }
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
