using Bot.Core.Delivery.Store;
using System.CommandLine;
using Bot.Core.Delivery;
using Bot.Host.Delivery;
using Microsoft.Extensions.DependencyInjection;

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

            return context.WithStoreAsync(
                parseResult,
                services => services.AddBotDeliveryStore(),
                async (services, token) =>
                {
                    var store = services.GetRequiredService<IOutcomeStore>();
                    var requeued = await store.RequeueDeadAsync(one, services.GetRequiredService<TimeProvider>().GetUtcNow(), token);
                    if (one is { } single && requeued == 0)
                    {
                        throw new UserErrorException($"delivery {single} is not dead (or does not exist)");
                    }

                    context.Output.WriteLine(requeued == 1 ? "1 delivery queued again" : $"{requeued} deliveries queued again");
                    return 0;
                },
                cancellationToken);
        });
        return command;
    }
}
