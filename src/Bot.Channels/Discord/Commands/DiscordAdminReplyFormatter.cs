using System.Text;
using Bot.Core.Admin.Replies;
using Bot.Core.Rendering;

namespace Bot.Channels.Discord.Commands;

/// <summary>
/// Admin replies as Discord Markdown: bold as <c>**</c>, an article key as inline code, a JSON body as a fenced
/// block. Plain text is escaped with <see cref="DiscordMarkdownEncoder"/>, so a destination or article title shows
/// exactly as written and can neither format nor mention; inside code, where Discord escapes nothing, a backtick
/// becomes the look-alike <c>ˋ</c>. The content is cut to Discord's 2000 characters with a closing "…" line.
/// </summary>
public static class DiscordAdminReplyFormatter
{
    /// <summary>Discord's limit on message content, in code points.</summary>
    public const int ContentLimit = 2000;

    private const string Fence = "```";

    public static string Format(AdminReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Truncate(Markdown(AdminReplyText.Of(reply)).Trim());
    }

    public static string Markdown(AdminText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var markdown = new StringBuilder();
        foreach (var span in text.Spans)
        {
            markdown.Append(span.Style switch
            {
                AdminSpanStyle.Bold => "**" + DiscordMarkdownEncoder.Instance.Encode(span.Text) + "**",
                AdminSpanStyle.Code => "`" + span.Text.Replace('`', 'ˋ').Replace('\n', ' ') + "`",
                AdminSpanStyle.Block => Fence + "\n" + span.Text.Replace(Fence, "ˋˋˋ", StringComparison.Ordinal).Trim('\n') + "\n" + Fence,
                _ => DiscordMarkdownEncoder.Instance.Encode(span.Text),
            });
        }

        return markdown.ToString();
    }

    /// <summary>
    /// <paramref name="content"/> when it fits; otherwise the whole lines that fit, an open code block closed, and a
    /// last line "…".
    /// </summary>
    public static string Truncate(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (CodePoints(content) <= ContentLimit)
        {
            return content;
        }

        const string Ellipsis = "\n…";
        var kept = new StringBuilder();
        foreach (var line in content.Split('\n'))
        {
            var candidate = kept.Length == 0 ? line : kept + "\n" + line;
            if (CodePoints(candidate + Closing(candidate) + Ellipsis) > ContentLimit)
            {
                if (kept.Length == 0)
                {
                    kept.Append(Cut(line, ContentLimit - CodePoints(Fence) - 1 - CodePoints(Ellipsis)));
                }

                break;
            }

            kept.Clear().Append(candidate);
        }

        var text = kept.ToString();
        return text + Closing(text) + Ellipsis;
    }

    private static string Closing(string text) =>
        text.Split('\n').Count(l => l.StartsWith(Fence, StringComparison.Ordinal)) % 2 == 1 ? "\n" + Fence : string.Empty;

    private static string Cut(string line, int limit)
    {
        var cut = new StringBuilder();
        foreach (var rune in line.EnumerateRunes().Take(limit))
        {
            cut.Append(rune.ToString());
        }

        // A lone trailing backslash would escape the line break after it.
        var text = cut.ToString();
        var slashes = text.Length - text.TrimEnd('\\').Length;
        return slashes % 2 == 1 ? text[..^1] : text;
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();
}
