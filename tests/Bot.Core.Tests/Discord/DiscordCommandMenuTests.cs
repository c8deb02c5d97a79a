using System.Text.Json.Nodes;
using Bot.Channels.Discord.Commands;
using Bot.Core.Admin.Commands;
using Xunit;

namespace Bot.Core.Tests.Discord;

public sealed class DiscordCommandMenuTests
{
    [Fact]
    public void Body_SameCommandsAsTheAdminMenuInOrder()
    {
        var names = DiscordCommandMenu.Body().Select(c => c!["name"]!.GetValue<string>());

        Assert.Equal(AdminMenu.Entries.Select(c => c.Name), names);
    }

    [Fact]
    public void Body_EveryCommandAdminOnlyGuildOnlyChatInput()
    {
        var body = DiscordCommandMenu.Body();

        Assert.All(body, command =>
        {
            Assert.Equal(1, command!["type"]!.GetValue<int>());
            Assert.Equal("0", command["default_member_permissions"]!.GetValue<string>());
            Assert.Equal("[0]", command["contexts"]!.ToJsonString());
            Assert.False(command["dm_permission"]!.GetValue<bool>());
            Assert.InRange(command["description"]!.GetValue<string>().Length, 1, 100);
        });
    }

    [Fact]
    public void Body_OptionsTypedRequiredFirst()
    {
        var options = DiscordCommandMenu.Body().ToDictionary(
            c => c!["name"]!.GetValue<string>(),
            c => string.Join(", ", (c!["options"] as JsonArray ?? []).Select(o => $"{o!["name"]}:{o["type"]}:{(o["required"]!.GetValue<bool>() ? "required" : "optional")}")));

        Assert.Equal("id:3:required, channel:3:optional", options["preview"]);
        Assert.Equal("id:4:optional", options["retry"]);
        Assert.Equal("name:3:required", options["pause"]);
        Assert.Equal("name:3:required", options["resume"]);
        Assert.Equal("id:3:required", options["publish"]);
        Assert.All(new[] { "help", "status", "articles", "destinations", "subscribers" }, n => Assert.Equal(string.Empty, options[n]));
    }
}
