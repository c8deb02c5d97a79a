using Bot.Channels.Discord.Commands;
using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Tests.Rendering;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Discord;

public sealed class DiscordAdminReplyFormatterTests
{
    [Fact]
    public void Format_Status_BoldHeadingAndPlainLines()
    {
        var reply = new AdminReply.Status(true, [Destination("news")], [new DeliveryCount("news", DeliveryStatus.Held, 12)]);

        var markdown = DiscordAdminReplyFormatter.Format(reply);

        Assert.Equal("**Status**\nqueued: 0\nfailed: 0\nheld: 12\ndead: 0\ndestinations: 1, paused 0, disabled 0", markdown);
    }

    [Fact]
    public void Format_DestinationNameWithMarkdownAndMention_EscapedShownAsWritten()
    {
        var reply = new AdminReply.DestinationList([Destination("news_*desk* <@everyone> & ~x~")]);

        var markdown = DiscordAdminReplyFormatter.Format(reply);

        Assert.Equal("**Destinations**\nnews\\_\\*desk\\* \\<@\u200Beveryone\\> & \\~x\\~ \\(discord\\) — active", markdown);
        Assert.Equal("Destinations\nnews_*desk* <@everyone> & ~x~ (discord) — active", DiscordMarkdown.Displayed(markdown.Replace("**", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Format_ArticleKeyWithBacktick_InlineCodeWithLookAlike()
    {
        var reply = new AdminReply.ArticleList([TestArticles.Make(key: "a`b_c", version: 2, title: "The *site*")]);

        var markdown = DiscordAdminReplyFormatter.Format(reply);

        Assert.Equal("**Recent articles**\n`aˋb_c` v2 — The \\*site\\*", markdown);
    }

    [Fact]
    public void Format_PreviewWithFenceInside_FencedBlockLiteralInside()
    {
        var reply = new AdminReply.Preview("discord", "news", new DiscordMessage([new DiscordPart("**hi** <b> ```")]));

        var markdown = DiscordAdminReplyFormatter.Format(reply);

        Assert.Equal(
            "**discord** via news\n```\n{\n  \"Parts\": [\n    {\n      \"Content\": \"**hi** <b> ˋˋˋ\",\n      \"Embed\": null\n    }\n  ]\n}\n```",
            markdown);
    }

    [Fact]
    public void Format_LongList_WholeLinesWithin2000AndEllipsisLine()
    {
        var articles = Enumerable.Range(1, 300).Select(i => TestArticles.Make(key: $"article-{i:000}", title: $"Title number {i}")).ToList();

        var content = DiscordAdminReplyFormatter.Format(new AdminReply.ArticleList(articles));

        Assert.True(content.EnumerateRunes().Count() <= DiscordAdminReplyFormatter.ContentLimit, content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("\n…", content, StringComparison.Ordinal);
        var kept = content.Split('\n')[..^1];
        Assert.Equal("**Recent articles**", kept[0]);
        Assert.All(kept.Skip(1).Select((line, i) => (line, i)), x => Assert.Equal($"`article-{x.i + 1:000}` v1 — Title number {x.i + 1}", x.line));
        Assert.True(content.EnumerateRunes().Count() > DiscordAdminReplyFormatter.ContentLimit - 60, "cut no earlier than needed");
    }

    [Fact]
    public void Format_LongPreview_FenceClosedBeforeEllipsis()
    {
        var reply = new AdminReply.Preview("discord", "news", new DiscordMessage([.. Enumerable.Range(0, 400).Select(i => new DiscordPart($"part {i}"))]));

        var content = DiscordAdminReplyFormatter.Format(reply);

        Assert.True(content.EnumerateRunes().Count() <= DiscordAdminReplyFormatter.ContentLimit);
        Assert.EndsWith("\n```\n…", content, StringComparison.Ordinal);
        Assert.Equal(2, content.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)));
    }

    [Fact]
    public void Truncate_SingleHugeLine_CutWithoutDanglingEscape()
    {
        var line = new string('a', 1993) + "\\*\\*\\*\\*\\*\\*";

        var content = DiscordAdminReplyFormatter.Truncate(line);

        Assert.Equal(new string('a', 1993) + "\n…", content);
    }

    private static AdminDestination Destination(string name) => new(name, ChannelNames.Discord, "1", true, false, false, null);
}
