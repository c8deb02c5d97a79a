using Bot.Channels.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramCommandParserTests
{
    private const string Bot = "news_fake_bot";

    [Theory]
    [InlineData("/status", "status", "")]
    [InlineData("/preview 42 discord", "preview", "42 discord")]
    [InlineData("/Pause@News_Fake_Bot  gaza-desk ", "pause", "gaza-desk")]
    [InlineData("/start sports", "start", "sports")]
    public void Parse_CommandForThisBot_NameAndArguments(string text, string name, string arguments)
    {
        var command = TelegramCommandParser.Parse(Message(text, text.Split(' ')[0].Length), Bot);

        Assert.NotNull(command);
        Assert.Equal((name, arguments, 42L, 7L, true, 5), (command.Name, command.Arguments, command.ChatId, command.UserId, command.IsPrivateChat, command.MessageId));
    }

    [Fact]
    public void Parse_CommandForAnotherBot_Ignored() =>
        Assert.Null(TelegramCommandParser.Parse(Message("/status@other_bot", 17), Bot));

    [Fact]
    public void Parse_PlainText_NotACommand() =>
        Assert.Null(TelegramCommandParser.Parse(Message("status please", 0, withEntity: false), Bot));

    [Fact]
    public void Parse_CommandNotAtStart_NotACommand()
    {
        var message = Message("please /status", 7);
        message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 7, Length = 7 }];

        Assert.Null(TelegramCommandParser.Parse(message, Bot));
    }

    private static Message Message(string text, int commandLength, bool withEntity = true) => new()
    {
        Id = 5,
        Text = text,
        Chat = new Chat { Id = 42, Type = ChatType.Private },
        From = new User { Id = 7, FirstName = "Admin" },
        Entities = withEntity ? [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = commandLength }] : null,
    };
}
