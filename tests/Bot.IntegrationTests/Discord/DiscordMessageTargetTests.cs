using Bot.Channels.Discord;
using Xunit;

namespace Bot.IntegrationTests.Discord;

public sealed class DiscordMessageTargetTests
{
    [Theory]
    [InlineData("1180000000000000001", "channel 1180000000000000001", "channels/1180000000000000001/messages", "POST channels/1180000000000000001/messages")]
    [InlineData("https://discord.com/api/webhooks/123/AbC_d-e", "webhook 123", "webhooks/123/AbC_d-e?wait=true", "POST webhooks/123/:token")]
    [InlineData("https://canary.discord.com/api/v10/webhooks/123/tok/", "webhook 123", "webhooks/123/tok?wait=true", "POST webhooks/123/:token")]
    [InlineData("http://127.0.0.1:5000/api/webhooks/7/x", "webhook 7", "webhooks/7/x?wait=true", "POST webhooks/7/:token")]
    public void TryParse_Address_GivesRoutesWithTheMajorIdLiteral(string address, string display, string path, string key)
    {
        Assert.True(DiscordMessageTarget.TryParse(address, out var target));

        var create = target!.Create();

        Assert.Equal(display, target.ToString());
        Assert.Equal(path, create.Path);
        Assert.Equal(key, create.Key);
        Assert.Equal(key, create.ToString());
    }

    [Fact]
    public void Message_WebhookEdit_PathHasTheTokenButKeyAndTextDoNot()
    {
        DiscordMessageTarget.TryParse("https://discord.com/api/webhooks/123/secret-token", out var target);

        var edit = target!.Message(HttpMethod.Patch, "55");

        Assert.Equal("webhooks/123/secret-token/messages/55", edit.Path);
        Assert.Equal("PATCH webhooks/123/:token/messages/:message_id", edit.Key);
        Assert.Equal("webhooks/123", edit.Major);
        Assert.DoesNotContain("secret-token", target.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#news")]
    [InlineData("12ab")]
    [InlineData("https://discord.com/api/webhooks/abc/token")]
    [InlineData("https://discord.com/channels/1/2")]
    public void TryParse_NotAnAddress_Fails(string address)
    {
        Assert.False(DiscordMessageTarget.TryParse(address, out _));
    }
}
