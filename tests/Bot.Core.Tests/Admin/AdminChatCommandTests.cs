using Bot.Core.Admin.Commands;
using Xunit;

namespace Bot.Core.Tests.Admin;

public sealed class AdminChatCommandTests
{
    public static TheoryData<string, string, AdminRequest> Commands => new()
    {
        { "help", "", new AdminRequest.Help { Asked = "/help" } },
        { "start", "", new AdminRequest.Help { Asked = "/start" } },
        { "status", "", new AdminRequest.Status { Asked = "/status" } },
        { "articles", "", new AdminRequest.Articles(10) { Asked = "/articles" } },
        { "preview", "a-1", new AdminRequest.Preview("a-1", "telegram") { Asked = "/preview a-1" } },
        { "preview", "a-1  Discord", new AdminRequest.Preview("a-1", "discord") { Asked = "/preview a-1  Discord" } },
        { "preview", "", new AdminRequest.Malformed("preview", "Usage: /preview ID [telegram|discord|email]") { Asked = "/preview" } },
        { "retry", "", new AdminRequest.Retry(null) { Asked = "/retry" } },
        { "retry", "17", new AdminRequest.Retry(17) { Asked = "/retry 17" } },
        { "retry", "-1", new AdminRequest.Malformed("retry", "Usage: /retry [delivery id]") { Asked = "/retry -1" } },
        { "pause", "gaza desk", new AdminRequest.Pause("gaza desk") { Asked = "/pause gaza desk" } },
        { "resume", "", new AdminRequest.Malformed("resume", "Usage: /resume NAME (see /destinations)") { Asked = "/resume" } },
        { "destinations", "", new AdminRequest.Destinations { Asked = "/destinations" } },
        { "publish", "a-1", new AdminRequest.Publish("a-1") { Asked = "/publish a-1" } },
        { "publish", "a-1 a-2", new AdminRequest.Malformed("publish", "Usage: /publish ID (see /articles)") { Asked = "/publish a-1 a-2" } },
        { "subscribers", "", new AdminRequest.Subscribers { Asked = "/subscribers" } },
        { "retract", "a-1", new AdminRequest.Unknown("retract") { Asked = "/retract a-1" } },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_ChatCommand_Request(string name, string arguments, AdminRequest expected)
    {
        Assert.Equal(expected, AdminChatCommand.Parse(name, arguments));
    }
}
