using System.Text;
using Bot.Core.Rendering;

namespace Bot.Core.Tests.Rendering;

/// <summary>What a Discord client shows for escaped text, and whether anything in it is still live markup.</summary>
internal static class DiscordMarkdown
{
    private const string Live = "*_~`|<>#-[]()";

    public static string Displayed(string markdown)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length && char.IsAsciiLetterOrDigit(markdown[i + 1]) is false && !char.IsWhiteSpace(markdown[i + 1]))
            {
                sb.Append(markdown[++i]);
            }
            else if (c == DiscordMarkdownEncoder.MentionBreaker && i > 0 && markdown[i - 1] == '@')
            {
                continue;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The first markdown character not preceded by a backslash, or a mention the server could parse; null when none.</summary>
    public static string? LiveMarkup(string markdown)
    {
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (Live.Contains(c))
            {
                return $"unescaped '{c}' at {i}";
            }

            if (c == '@' && (i + 1 >= markdown.Length || markdown[i + 1] != DiscordMarkdownEncoder.MentionBreaker))
            {
                return $"mention-capable '@' at {i}";
            }
        }

        return null;
    }
}
