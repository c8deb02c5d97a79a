using Bot.Channels.Discord.Commands;
using Bot.Core.Channels;
using Bot.Core.Tests.Rendering;
using Xunit;

namespace Bot.Core.Tests.Discord;

public sealed class DiscordAdminReplyTests
{
    [Fact]
    public void Convert_BoldHeadingAndLines_MarkdownBold()
    {
        var markdown = DiscordAdminReply.Convert("<b>Status</b>\nqueued: 0\nheld: 12");

        Assert.Equal("**Status**\nqueued: 0\nheld: 12", markdown);
    }

    [Fact]
    public void Convert_InsertedValuesWithMarkdownAndEntities_EscapedShownAsWritten()
    {
        var markdown = DiscordAdminReply.Convert("<b>Destinations</b>\nnews_*desk* &lt;@everyone&gt; &amp; ~x~ (discord) — active");

        Assert.Equal("**Destinations**\nnews\\_\\*desk\\* \\<@\u200Beveryone\\> & \\~x\\~ \\(discord\\) — active", markdown);
        Assert.Equal("Destinations\nnews_*desk* <@everyone> & ~x~ (discord) — active", DiscordMarkdown.Displayed(markdown.Replace("**", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Convert_ItalicCodeAndLink_DiscordForms()
    {
        var markdown = DiscordAdminReply.Convert("<i>v2</i> <code>a`b_c</code> <a href=\"https://example.org/a_(b)?x=1&amp;y=2\">the *site*</a>");

        Assert.Equal("*v2* `aˋb_c` [the \\*site\\*](https://example.org/a_%28b%29?x=1&y=2)", markdown);
    }

    [Fact]
    public void Convert_Pre_FencedBlockLiteralInside()
    {
        var markdown = DiscordAdminReply.Convert("<b>discord</b> via news\n<pre>{\n  \"content\": \"**hi** &lt;b&gt; ```\"\n}</pre>");

        Assert.Equal("**discord** via news\n```\n{\n  \"content\": \"**hi** <b> ˋˋˋ\"\n}\n```", markdown);
    }

    [Fact]
    public void Convert_OtherTagsAndUnsafeLink_TextKeptTagsDropped()
    {
        var markdown = DiscordAdminReply.Convert("<u>under</u> <tg-spoiler>secret</tg-spoiler> <a href=\"javascript:alert(1)\">click</a><br>next");

        Assert.Equal("under secret click\nnext", markdown);
    }

    [Fact]
    public void FromTelegram_LongReply_WholeLinesWithin2000AndEllipsisLine()
    {
        var lines = Enumerable.Range(1, 300).Select(i => $"<code>article-{i:000}</code> v1 — Title number {i}");
        var message = new TelegramMessage([new TelegramPart("<b>Recent articles</b>\n" + string.Join('\n', lines))]);

        var content = DiscordAdminReply.FromTelegram(message);

        Assert.True(content.EnumerateRunes().Count() <= DiscordAdminReply.ContentLimit, content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("\n…", content, StringComparison.Ordinal);
        var kept = content.Split('\n')[..^1];
        Assert.Equal("**Recent articles**", kept[0]);
        Assert.All(kept.Skip(1).Select((line, i) => (line, i)), x => Assert.Equal($"`article-{x.i + 1:000}` v1 — Title number {x.i + 1}", x.line));
        Assert.True(content.EnumerateRunes().Count() > DiscordAdminReply.ContentLimit - 60, "cut no earlier than needed");
    }

    [Fact]
    public void FromTelegram_LongPreBlock_FenceClosedBeforeEllipsis()
    {
        var json = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"  \"field{i}\": \"value\","));
        var message = new TelegramMessage([new TelegramPart($"<b>discord</b> via news\n<pre>{{\n{json}\n}}</pre>")]);

        var content = DiscordAdminReply.FromTelegram(message);

        Assert.True(content.EnumerateRunes().Count() <= DiscordAdminReply.ContentLimit);
        Assert.EndsWith("\n```\n…", content, StringComparison.Ordinal);
        Assert.Equal(2, content.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)));
    }

    [Fact]
    public void FromTelegram_SeveralParts_JoinedByBlankLine()
    {
        var message = new TelegramMessage([new TelegramPart("<b>One</b>\n"), new TelegramPart("Two 1. three")]);

        Assert.Equal("**One**\n\nTwo 1. three", DiscordAdminReply.FromTelegram(message));
    }

    [Fact]
    public void Truncate_SingleHugeLine_CutWithoutDanglingEscape()
    {
        var line = new string('a', 1993) + "\\*\\*\\*\\*\\*\\*";

        var content = DiscordAdminReply.Truncate(line);

        Assert.Equal(new string('a', 1993) + "\n…", content);
    }
}
