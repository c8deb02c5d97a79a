using System.CommandLine;
using Bot.Core.Admin.Commands;
using Bot.Core.Delivery;
using Bot.Host.Cli.Admin;

namespace Bot.Host.Cli;

public static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Option<string?>("--status")
        {
            Description = "Only deliveries in this state: queued, sending, sent, failed, dead, cancelled or held",
            HelpName = "S",
        };
        var article = new Option<string?>("--article")
        {
            Description = "Only deliveries of this article key",
            HelpName = "ID",
        };
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many to list, newest first",
            DefaultValueFactory = _ => 50,
        };
        var command = new Command("deliveries", "List deliveries with their state: id, status, kind, article, destination, recipient, attempts, when, last error")
        {
            status,
            article,
            limit,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            DeliveryStatus? wanted = null;
            if (parseResult.GetValue(status) is { } text)
            {
                wanted = DeliveryNames.TryParseStatus(text, out var s)
                    ? s
                    : throw new UserErrorException($"--status: '{text}' is not one of queued, sending, sent, failed, dead, cancelled, held");
            }

            var count = parseResult.GetValue(limit);
            if (count < 1) throw new UserErrorException("--limit must be at least 1");

            var query = new DeliveryQuery(wanted, parseResult.GetValue(article), Limit: count);
            return CliAdminCommands.RunAsync(context, parseResult, new AdminRequest.Deliveries(query) { Asked = "deliveries" }, cancellationToken);
        });
        return command;
    }
}
