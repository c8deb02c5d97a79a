using System.CommandLine;
using System.Globalization;
using Bot.Core.Admin.Commands;
using Bot.Host.Cli.Admin;

namespace Bot.Host.Cli;

public static class RetryCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long?>("ID")
        {
            Description = "Id of the dead delivery to put back in the queue (see `bot deliveries --status dead`)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dead = new Option<bool>("--dead")
        {
            Description = "Put every dead delivery back in the queue",
        };
        var command = new Command("retry", "Put a dead delivery (or, with --dead, all of them) back in the queue with its attempts reset")
        {
            id,
            dead,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var one = parseResult.GetValue(id);
            var all = parseResult.GetValue(dead);
            if (one is null == !all)
            {
                throw new UserErrorException("give either a delivery ID or --dead");
            }

            var asked = one is { } single ? "retry " + single.ToString(CultureInfo.InvariantCulture) : "retry --dead";
            return CliAdminCommands.RunAsync(context, parseResult, new AdminRequest.Retry(one) { Asked = asked }, cancellationToken);
        });
        return command;
    }
}
