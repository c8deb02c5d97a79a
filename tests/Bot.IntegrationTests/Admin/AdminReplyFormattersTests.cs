using System.Text.Json;
using Bot.Channels.Discord.Commands;
using Bot.Channels.Telegram.Admin;
using Bot.Core.Admin.Replies;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Host.Cli.Admin;
using Bot.Host.Http.Admin;
using Bot.Host.Logging;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>One structured reply, each surface's formatter: Telegram HTML, Discord Markdown, the admin API's JSON, the CLI's lines.</summary>
public sealed class AdminReplyFormattersTests
{
    private const string WebhookUrl = "https://discord.com/api/webhooks/1/secret-token";

    private readonly AdminApiReplyFormatter _json = new(new AdminRedactor(
        new SecretRedactor(new ConfigurationBuilder().Build()),
        new DestinationCatalog([new Destination("hook", ChannelNames.Discord, WebhookUrl, null, DestinationFilter.Everything)])));

    [Fact]
    public void DestinationList_NamesWithMarkupAndAWebhook_EscapedPerSurfaceWebhookHidden()
    {
        var reply = new AdminReply.DestinationList(
        [
            new AdminDestination("news_<b>&desk", ChannelNames.Telegram, "-1001", true, false, false, null),
            new AdminDestination("hook", ChannelNames.Discord, WebhookUrl, true, false, true, "Discord 404: Unknown Webhook"),
            new AdminDestination("old", ChannelNames.Telegram, "-1002", false, true, false, null),
        ]);

        AssertSurfaces(
            reply,
            "<b>Destinations</b>\nnews_&lt;b&gt;&amp;desk (telegram) — active\nhook (discord) — disabled: Discord 404: Unknown Webhook\nold (telegram) — paused (no longer configured)",
            "**Destinations**\nnews\\_\\<b\\>&desk \\(telegram\\) — active\nhook \\(discord\\) — disabled: Discord 404: Unknown Webhook\nold \\(telegram\\) — paused \\(no longer configured\\)",
            200,
            """[{"name":"news_\u003Cb\u003E\u0026desk","channel":"telegram","address":"-1001","configured":true,"paused":false,"disabled":false,"disabledReason":null},"""
            + """{"name":"hook","channel":"discord","address":"webhook","configured":true,"paused":false,"disabled":true,"disabledReason":"Discord 404: Unknown Webhook"},"""
            + """{"name":"old","channel":"telegram","address":"-1002","configured":false,"paused":true,"disabled":false,"disabledReason":null}]""",
            new CliAnswer("Destinations\nnews_<b>&desk (telegram) — active\nhook (discord) — disabled: Discord 404: Unknown Webhook\nold (telegram) — paused (no longer configured)\n"));
    }

    [Fact]
    public void Status_CountsByDestination_LinesOfTotalsAndTheDocumentedShape()
    {
        var reply = new AdminReply.Status(
            true,
            [new AdminDestination("news", ChannelNames.Telegram, "-1001", true, false, false, null)],
            [new DeliveryCount("news", DeliveryStatus.Dead, 2), new DeliveryCount("news", DeliveryStatus.Sent, 5)]);

        const string counts = """{"queued":0,"sending":0,"sent":5,"failed":0,"dead":2,"cancelled":0,"held":0}""";
        AssertSurfaces(
            reply,
            "<b>Status</b>\nqueued: 0\nfailed: 0\nheld: 0\ndead: 2\ndestinations: 1, paused 0, disabled 0",
            "**Status**\nqueued: 0\nfailed: 0\nheld: 0\ndead: 2\ndestinations: 1, paused 0, disabled 0",
            200,
            $$"""{"storeUp":true,"destinations":[{"name":"news","channel":"telegram","paused":false,"disabled":false,"disabledReason":null,"deliveries":{{counts}}}],"totals":{{counts}}}""",
            new CliAnswer("Status\nqueued: 0\nfailed: 0\nheld: 0\ndead: 2\ndestinations: 1, paused 0, disabled 0\n"));
    }

    [Fact]
    public void ArticleList_ArabicTitle_KeyAsCodeTitleAsWritten()
    {
        var article = new Article
        {
            Key = "quds-1",
            Version = 1,
            Title = "مؤتمرون بإسطنبول يعلنون 2023",
            Paragraphs = ["نص"],
            Language = "ar",
            Direction = TextDirection.Rtl,
            Received = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        };

        AssertSurfaces(
            new AdminReply.ArticleList([article]),
            "<b>Recent articles</b>\n<code>quds-1</code> v1 — مؤتمرون بإسطنبول يعلنون 2023",
            "**Recent articles**\n`quds-1` v1 — مؤتمرون بإسطنبول يعلنون 2023",
            200,
            """[{"key":"quds-1","version":1,"title":"مؤتمرون بإسطنبول يعلنون 2023","language":"ar","direction":"rtl","published":null,"received":"2026-03-01T12:00:00+00:00","retracted":false}]""",
            new CliAnswer("ID      VERSION  PUBLISHED         LANG  TITLE\nquds-1  1        -                 ar    مؤتمرون بإسطنبول يعلنون 2023\n"));
    }

    [Fact]
    public void Republished_KeyWithMarkup_Confirmation()
    {
        AssertSurfaces(
            new AdminReply.Republished("a<1>_x", 2, 3, 4, 1),
            "Publishing <code>a&lt;1&gt;_x</code> v2 again: 1 new delivery to 4 destinations.",
            "Publishing `a<1>_x` v2 again: 1 new delivery to 4 destinations.",
            200,
            """{"key":"a\u003C1\u003E_x","version":2,"generation":3,"destinations":4,"deliveries":1}""",
            new CliAnswer("Publishing a<1>_x v2 again: 1 new delivery to 4 destinations.\n"));
    }

    [Fact]
    public void Requeued_OneDeliveryThatWasNotDead_CountInChatsNotFoundOverHttp()
    {
        AssertSurfaces(
            new AdminReply.Requeued(17, 0),
            "0 dead deliveries queued again.",
            "0 dead deliveries queued again.",
            404,
            """{"error":"delivery 17 is not dead (or does not exist)"}""",
            CliAnswer.Failed("delivery 17 is not dead (or does not exist)"));
    }

    [Fact]
    public void NotFound_Destination_SentenceInChatsOneLineErrorOverHttp()
    {
        AssertSurfaces(
            new AdminReply.NotFound(AdminSubject.Destination, "news*"),
            "No destination news*. See /destinations.",
            "No destination news\\*. See /destinations.",
            404,
            """{"error":"no such destination: news*"}""",
            CliAnswer.Failed("no such destination: news*"));
    }

    [Fact]
    public void Retracted_NewVersion_ConfirmationAndTheDocumentedShape()
    {
        AssertSurfaces(
            new AdminReply.Retracted(new Bot.Core.Storage.ImportResult("a-1", 3, "Title & more", Bot.Core.Storage.ImportStatus.Updated)),
            "<code>a-1</code> retracted as version 3: its sent messages are deleted.",
            "`a-1` retracted as version 3: its sent messages are deleted.",
            200,
            """{"key":"a-1","version":3,"title":"Title \u0026 more","retracted":true}""",
            new CliAnswer("a-1  3  retracted  Title & more\n"));
    }

    [Fact]
    public void Subscribers_ListsAndChats_LabelledCounts()
    {
        AssertSurfaces(
            new AdminReply.Subscribers([new AdminSubscriberList("weekly_ar", 2, 1, 0, 3)], new AdminChatCounts(4, 1, 0)),
            "<b>Subscribers</b>\n<b>weekly_ar</b>: 2 active, 1 pending, 0 bounced, 3 unsubscribed\n<b>Telegram private chats</b>: 4 active, 1 unsubscribed, 0 blocked",
            "**Subscribers**\n**weekly\\_ar**: 2 active, 1 pending, 0 bounced, 3 unsubscribed\n**Telegram private chats**: 4 active, 1 unsubscribed, 0 blocked",
            200,
            """{"lists":[{"name":"weekly_ar","active":2,"pending":1,"bounced":0,"unsubscribed":3}],"telegramChats":{"active":4,"unsubscribed":1,"blocked":0}}""",
            new CliAnswer("Subscribers\nweekly_ar: 2 active, 1 pending, 0 bounced, 3 unsubscribed\nTelegram private chats: 4 active, 1 unsubscribed, 0 blocked\n"));
    }

    [Fact]
    public void Preview_TelegramAnnouncement_ItselfOnTelegramItsBodyElsewhere()
    {
        var announcement = new TelegramMessage([new TelegramPart("<b>عنوان</b> ```", PhotoUrl: null)]);
        var reply = new AdminReply.Preview(ChannelNames.Telegram, "news", announcement);

        Assert.Same(announcement, TelegramAdminReplyFormatter.Format(reply));
        Assert.Equal(
            "**telegram** via news\n```\n{\n  \"Parts\": [\n    {\n      \"Html\": \"<b>عنوان</b> ˋˋˋ\",\n      \"PhotoUrl\": null,\n      \"DisableLinkPreview\": false\n    }\n  ]\n}\n```",
            DiscordAdminReplyFormatter.Format(reply));
        var answer = _json.Format(reply);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(
            """{"channel":"telegram","destination":"news","message":{"parts":[{"html":"\u003Cb\u003Eعنوان\u003C/b\u003E \u0060\u0060\u0060","photoUrl":null,"disableLinkPreview":false}]}}""",
            Json(answer));
    }

    [Fact]
    public void Preview_DiscordAnnouncementOnTelegram_EscapedPreBlock()
    {
        var reply = new AdminReply.Preview(ChannelNames.Discord, "desk", new DiscordMessage([new DiscordPart("**<@everyone>**")]));

        var telegram = Assert.Single(TelegramAdminReplyFormatter.Format(reply).Parts);

        Assert.Equal(
            "<b>discord</b> via desk\n<pre>{\n  &quot;Parts&quot;: [\n    {\n      &quot;Content&quot;: &quot;**&lt;@everyone&gt;**&quot;,\n      &quot;Embed&quot;: null\n    }\n  ]\n}</pre>",
            telegram.Html);
        Assert.True(telegram.DisableLinkPreview);
    }

    private void AssertSurfaces(AdminReply reply, string telegramHtml, string discordMarkdown, int status, string json, CliAnswer cli)
    {
        var telegram = Assert.Single(TelegramAdminReplyFormatter.Format(reply).Parts);
        Assert.Equal(telegramHtml, telegram.Html);
        Assert.True(telegram.DisableLinkPreview);
        Assert.Equal(discordMarkdown, DiscordAdminReplyFormatter.Format(reply));
        var answer = _json.Format(reply);
        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(json, Json(answer));
        Assert.Equal(cli, CliAdminReplyFormatter.Format(reply));
    }

    private static string Json(AdminApiAnswer answer) => JsonSerializer.Serialize(answer.Body, AdminApiEndpoints.Json);
}
