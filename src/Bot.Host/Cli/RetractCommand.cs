using System.CommandLine;
using Bot.Core.Admin.Commands;
using Bot.Host.Cli.Admin;

namespace Bot.Host.Cli;

public static class RetractCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Id of the article to retract, as `bot articles` shows it" };
        var command = new Command(
            "retract",
            "Retract an article: its sent Telegram and Discord messages are deleted and its unsent deliveries cancelled (by `bot run`); " +
            "the same item arriving again changes nothing")
        {
            id,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var key = parseResult.GetValue(id)!;
            return CliAdminCommands.RunAsync(context, parseResult, new AdminRequest.Retract(key) { Asked = "retract " + key }, cancellationToken);
        });
        return command;
    }
}
