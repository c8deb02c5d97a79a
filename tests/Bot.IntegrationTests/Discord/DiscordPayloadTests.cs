using System.Text.Json.Nodes;
using Bot.Channels.Discord;
using Bot.Core.Channels;
using Xunit;

namespace Bot.IntegrationTests.Discord;

public sealed class DiscordPayloadTests
{
    private static readonly DiscordEmbed Embed = new(
        "مؤتمرون بإسطنبول",
        "https://example.org/a",
        "نص الخبر",
        "https://example.org/a.jpg",
        "قدس برس",
        new DateTimeOffset(2023, 12, 23, 20, 15, 0, TimeSpan.FromHours(3)),
        0x1F8B4C);

    [Fact]
    public void ForCreate_ContentAndEmbed_IsDiscordsShapeWithNoMentionsAndNonce()
    {
        var json = DiscordPayload.Serialize(DiscordPayload.ForCreate(new DiscordPart("عاجل @everyone", Embed), "n0nce"));

        Assert.Equal(
            """{"content":"عاجل @everyone","embeds":[{"title":"مؤتمرون بإسطنبول","url":"https://example.org/a","description":"نص الخبر","image":{"url":"https://example.org/a.jpg"},"footer":{"text":"قدس برس"},"timestamp":"2023-12-23T17:15:00.000Z","color":2067276}],"allowed_mentions":{"parse":[]},"nonce":"n0nce","enforce_nonce":true}""",
            json);
    }

    [Fact]
    public void ForEdit_ContentOnly_ClearsEmbedsAndKeepsNoMentions()
    {
        var json = DiscordPayload.Serialize(DiscordPayload.ForEdit(new DiscordPart("<@123> تصحيح")));

        Assert.Equal("""{"content":"<@123> تصحيح","embeds":[],"allowed_mentions":{"parse":[]}}""", json);
    }

    [Fact]
    public void Nonce_SameDeliveryAndPart_IsStableShortAndDiffersPerArticleAndPart()
    {
        var target = new DeliveryTarget(ChannelNames.Discord, "news", "1180000000000000001");
        var body = DiscordPayload.Serialize(DiscordPayload.ForCreate(new DiscordPart("خبر أول"), null));
        var other = DiscordPayload.Serialize(DiscordPayload.ForCreate(new DiscordPart("خبر ثان"), null));

        var first = DiscordNonce.For(target, "send", 0, [], body);
        var retried = DiscordNonce.For(target, "send", 0, [], body);
        var secondPart = DiscordNonce.For(target, "send", 1, ["1180000000000000002"], body);
        var otherArticle = DiscordNonce.For(target, "send", 0, [], other);
        var otherDestination = DiscordNonce.For(target with { Destination = "sports" }, "send", 0, [], body);
        var addedByEdit = DiscordNonce.For(target, "edit", 0, [], body);

        Assert.Equal(first, retried);
        Assert.InRange(first.Length, 1, DiscordNonce.MaxLength);
        Assert.Equal(5, new[] { first, secondPart, otherArticle, otherDestination, addedByEdit }.Distinct().Count());
    }

    [Fact]
    public void ForCreate_WithoutNonce_HasNoNonceFields()
    {
        var body = DiscordPayload.ForCreate(new DiscordPart("x"), null);

        Assert.False(body.ContainsKey("nonce"));
        Assert.False(body.ContainsKey("enforce_nonce"));
        Assert.Equal("[]", body["allowed_mentions"]!["parse"]!.ToJsonString());
        Assert.IsType<JsonObject>(body["allowed_mentions"]);
    }
}
