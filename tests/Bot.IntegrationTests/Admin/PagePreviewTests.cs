using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Host.Http.Admin.Pages;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>The pure pieces of the admin pages: platform markup drawn safely, message links, CSV cells.</summary>
public sealed class PagePreviewTests
{
    [Theory]
    [InlineData("<b>عنوان</b>\n<i>x &amp; y</i>", "<strong>عنوان</strong>\n<em>x &amp; y</em>")]
    [InlineData("<a href=\"https://example.org/a?b=1&amp;c=2\">more</a>", "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">more</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<span>x</span>")]
    [InlineData("<a href='https://e.org' onclick=\"alert(1)\">x</a>", "<a href=\"https://e.org/\" rel=\"noopener noreferrer nofollow\">x</a>")]
    [InlineData("<span class=\"tg-spoiler\">s</span> &lt;script&gt;", "<span class=\"spoiler\">s</span> &lt;script&gt;")]
    [InlineData("<pre><code class=\"language-cs\">a &lt; b</code></pre>", "<pre><code>a &lt; b</code></pre>")]
    public void TelegramPreview_TelegramHtml_RebuiltFromItsOwnTagsOnly(string telegram, string expected) =>
        Assert.Equal(expected, TelegramPreviewHtml.Render(telegram));

    [Fact]
    public void TelegramPreview_HtmlTelegramRefuses_ShownAsTextWithTheReason()
    {
        var html = TelegramPreviewHtml.Render("<img src=x onerror=alert(1)>");

        Assert.StartsWith("<span class=\"problem\">Telegram would refuse this message: ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*ملخص* and **bold** __under__ ~~gone~~ ||secret||", "<em>ملخص</em> and <strong>bold</strong> <u>under</u> <s>gone</s> <span class=\"spoiler\">secret</span>")]
    [InlineData("1\\. not a list \\*x\\* a\\_b", "1. not a list *x* a_b")]
    [InlineData("[read](https://example.org/x) [bad](javascript:alert(1))", "<a href=\"https://example.org/x\" rel=\"noopener noreferrer nofollow\">read</a> [bad](javascript:alert(1))")]
    [InlineData("> quoted <b>\nplain `a<b`", "<span class=\"md-quote\">quoted &lt;b&gt;</span>plain <code>a&lt;b</code>")]
    [InlineData("## Heading", "<span class=\"md-h2\">Heading</span>")]
    public void DiscordPreview_Markdown_DrawnAsDiscordDoesAndEncoded(string markdown, string expected) =>
        Assert.Equal(expected, DiscordPreviewHtml.Render(markdown));

    [Theory]
    [InlineData("telegram", "@quds_news", "", "https://t.me/quds_news/17")]
    [InlineData("telegram", "-1001234567890", "", "https://t.me/c/1234567890/17")]
    [InlineData("telegram", "-4001234", "", null)]
    [InlineData("telegram", "-1001234567890", "555", null)]
    [InlineData("discord", "223456789012345678", "", "https://discord.com/channels/1111/223456789012345678/17")]
    [InlineData("discord", "https://discord.com/api/webhooks/1/secret", "", null)]
    [InlineData("email", "", "a@example.org", null)]
    public void MessageLinks_RemoteId_LinkedWhereThePlatformHasAnAddress(string channel, string address, string recipient, string? expected)
    {
        var destination = new DestinationRow("d", channel, address, true, false, false, null);
        var delivery = new DeliveryRecord(1, "k", 1, "d", recipient, DeliveryKind.Announce, DeliveryStatus.Sent, 1, null, ["17"], null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var links = new MessageLinks("1111").For(destination, delivery);

        Assert.Equal([("17", expected)], links);
    }

    [Fact]
    public void MessageLinks_NoGuildConfigured_NoDiscordLink()
    {
        var destination = new DestinationRow("d", ChannelNames.Discord, "223456789012345678", true, false, false, null);
        var delivery = new DeliveryRecord(1, "k", 1, "d", "", DeliveryKind.Announce, DeliveryStatus.Sent, 1, null, ["17"], null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        Assert.Equal([("17", (string?)null)], new MessageLinks(null).For(destination, delivery));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a, \"b\"", "\"a, \"\"b\"\"\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData(null, "")]
    public void SubscriberCsvCell_Value_InertInASpreadsheet(string? value, string expected) =>
        Assert.Equal(expected, SubscriberCsvWriter.Cell(value));
}
