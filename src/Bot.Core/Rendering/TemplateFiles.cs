using System.Text.Encodings.Web;
using Bot.Core.Channels;
using Fluid;

namespace Bot.Core.Rendering;

/// <summary>
/// The template files each channel reads, and the escaping each one gets. The defaults live in
/// <c>templates/&lt;channel&gt;/</c>; a named set is a folder <c>templates/&lt;name&gt;/</c> holding any of these
/// files, the names being unique across channels, and falls back to the channel's default for the rest.
/// </summary>
public static class TemplateFiles
{
    /// <summary>Telegram message or photo caption, HTML parse mode.</summary>
    public const string TelegramMessage = "message.liquid";

    /// <summary>Discord message content (Markdown); may render empty.</summary>
    public const string DiscordContent = "content.liquid";

    /// <summary>Discord embed title (Markdown, one line, 256 characters).</summary>
    public const string DiscordEmbedTitle = "embed_title.liquid";

    /// <summary>Discord embed description (Markdown); continues in further messages past 4096 characters.</summary>
    public const string DiscordEmbedDescription = "embed_description.liquid";

    /// <summary>Discord embed footer: plain text, Discord shows no Markdown there.</summary>
    public const string DiscordEmbedFooter = "embed_footer.liquid";

    /// <summary>Email subject, plain text on one line.</summary>
    public const string EmailSubject = "subject.liquid";

    /// <summary>Email HTML part.</summary>
    public const string EmailHtml = "body.html.liquid";

    /// <summary>Email plain-text part.</summary>
    public const string EmailText = "body.txt.liquid";

    private static readonly Dictionary<string, string> ChannelByFile = new()
    {
        [TelegramMessage] = ChannelNames.Telegram,
        [DiscordContent] = ChannelNames.Discord,
        [DiscordEmbedTitle] = ChannelNames.Discord,
        [DiscordEmbedDescription] = ChannelNames.Discord,
        [DiscordEmbedFooter] = ChannelNames.Discord,
        [EmailSubject] = ChannelNames.Email,
        [EmailHtml] = ChannelNames.Email,
        [EmailText] = ChannelNames.Email,
    };

    public static IReadOnlyList<string> All { get; } = [.. ChannelByFile.Keys];

    public static IReadOnlyList<string> For(string channel) =>
        [.. ChannelByFile.Where(p => p.Value == channel).Select(p => p.Key)];

    /// <summary>The channel a file name belongs to, or null when it is none of ours.</summary>
    public static string? ChannelOf(string fileName) => ChannelByFile.GetValueOrDefault(fileName);

    /// <summary>How values inserted into this file are escaped.</summary>
    public static TextEncoder EncoderFor(string fileName) => fileName switch
    {
        TelegramMessage => HtmlTextEncoder.Telegram,
        DiscordContent or DiscordEmbedTitle or DiscordEmbedDescription => DiscordMarkdownEncoder.Instance,
        EmailHtml => HtmlTextEncoder.Email,
        _ => NullEncoder.Default,
    };
}
