using System.Text.Json;
using Bot.Channels.Discord.Commands;
using Xunit;

namespace Bot.Core.Tests.Discord;

public sealed class DiscordInteractionTests
{
    [Fact]
    public void Read_GuildCommand_UserFromMemberAndOptionsInCommandOrder()
    {
        var interaction = Read("""
            {"id":"11","token":"tok","type":2,"guild_id":"5",
             "member":{"user":{"id":"123456789012345678"},"permissions":"8"},
             "data":{"name":"preview","type":1,"options":[{"name":"channel","type":3,"value":"discord"},{"name":"id","type":3,"value":" 2024-quds "}]}}
            """);

        Assert.Equal(new DiscordInteraction("11", "tok", "preview", "2024-quds discord", 123456789012345678) { GuildId = "5" }, interaction);
    }

    [Fact]
    public void Read_DirectMessage_UserFromUserAndIntegerOption()
    {
        var interaction = Read("""
            {"id":"12","token":"tok","type":2,"user":{"id":"42"},
             "data":{"name":"retry","type":1,"options":[{"name":"id","type":4,"value":1234}]}}
            """);

        Assert.Equal(new DiscordInteraction("12", "tok", "retry", "1234", 42), interaction);
    }

    [Theory]
    [InlineData("""{"id":"1","token":"t","type":1}""")]
    [InlineData("""{"id":"1","token":"t","type":3,"data":{"custom_id":"x"}}""")]
    [InlineData("""{"id":"1","type":2,"data":{"name":"status"}}""")]
    public void Read_NotAnApplicationCommand_Null(string json)
    {
        Assert.Null(Read(json));
    }

    [Fact]
    public void Read_NoUserAnywhere_UserIdZeroWhichNoAdminHas()
    {
        var interaction = Read("""{"id":"1","token":"t","type":2,"data":{"name":"status"}}""");

        Assert.Equal(0UL, interaction!.UserId);
    }

    [Theory]
    [InlineData(",'guild_id':'5','channel_id':'77'", "guild:5/channel:77")]
    [InlineData(",'channel_id':'77'", "channel:77")]
    [InlineData(",'guild_id':'5'", "guild:5")]
    [InlineData("", null)]
    [InlineData(",'guild_id':'5 OR 1','channel_id':'<b>'", null)]
    public void Read_WhereItWasUsed_OriginForTheAuditLogDigitsOnly(string where, string? origin)
    {
        var interaction = Read(("{'id':'1','token':'t','type':2" + where + ",'data':{'name':'status'}}").Replace('\'', '"'));

        Assert.Equal(origin, interaction!.Origin);
    }

    private static DiscordInteraction? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DiscordInteraction.Read(document.RootElement);
    }
}
