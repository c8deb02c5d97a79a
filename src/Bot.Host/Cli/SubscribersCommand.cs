using System.CommandLine;
using Bot.Core.Subscriptions;
using Bot.Host.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Host.Cli;

/// <summary>
/// <c>bot subscribers list|add|remove|import|reactivate</c>. Addresses an admin adds or imports are active at once:
/// the admin vouches for them; only <c>POST /subscribe</c> needs double opt-in. An unsubscribed or bounced address is
/// never brought back by an add or an import: an unsubscribed one only by its own double opt-in, a bounced one by
/// <c>reactivate</c>.
/// </summary>
public static class SubscribersCommand
{
    /// <summary>Rows written per transaction during an import.</summary>
    public const int ImportBatchSize = 1000;

    /// <summary>From this many lines on, an interactive terminal gets a progress bar.</summary>
    public const int ProgressThreshold = 1000;

    public static Command Create(CliContext context)
    {
        var command = new Command("subscribers", "Manage email subscribers: list, add, remove, import, reactivate");
        command.Subcommands.Add(ListCommand(context));
        command.Subcommands.Add(AddCommand(context));
        command.Subcommands.Add(RemoveCommand(context));
        command.Subcommands.Add(ImportCommand(context));
        command.Subcommands.Add(ReactivateCommand(context));
        return command;
    }

    private static Option<string?> ListOption(string description) => new("--list", "-l") { Description = description, HelpName = "L" };

    private static Command ListCommand(CliContext context)
    {
        var list = ListOption("Only this list (an email destination name)");
        var command = new Command("list", "Print every subscriber: EMAIL STATE LIST NAME, tab-separated") { list };
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, async (services, lists, token) =>
        {
            var name = parseResult.GetValue(list) is { } given ? Resolve(lists, given).Name : null;
            var count = 0;
            await foreach (var subscriber in services.GetRequiredService<ISubscriberStore>().ListAsync(name, token))
            {
                context.Output.WriteLine($"{subscriber.Email}\t{subscriber.Status.ToString().ToLowerInvariant()}\t{subscriber.List}\t{subscriber.Name}".TrimEnd('\t'));
                count++;
            }

            if (count == 0)
            {
                context.Error.WriteLine("no subscribers");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command AddCommand(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The address to add" };
        var name = new Option<string?>("--name") { Description = "The subscriber's name, used in greetings", HelpName = "N" };
        var list = ListOption("The list (an email destination name); default: the only one");
        var command = new Command("add", "Add an address to a list, active at once; an unsubscribed or bounced address is kept as it is") { email, name, list };
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, async (services, lists, token) =>
        {
            var target = Resolve(lists, parseResult.GetValue(list));
            var address = ValidAddress(parseResult.GetRequiredValue(email));
            var given = parseResult.GetValue(name) is { Length: > 0 } n ? n.Trim() : null;
            var outcome = await services.GetRequiredService<ISubscriberStore>().AddActiveAsync(target.Name, address, given, token);
            context.Output.WriteLine(outcome switch
            {
                SubscriberAdd.Added => $"added {address} to {target.Name}",
                SubscriberAdd.Activated => $"activated {address} on {target.Name}",
                SubscriberAdd.Unchanged => $"{address} is already active on {target.Name}",
                _ => SubscriberImport.Kept(outcome, target.Name, address),
            });
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command RemoveCommand(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The address to remove" };
        var list = ListOption("Only from this list; default: from every list");
        var command = new Command("remove", "Unsubscribe an address (it stays on record so it is not mailed again)") { email, list };
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, async (services, lists, token) =>
        {
            var target = parseResult.GetValue(list) is { } given ? Resolve(lists, given).Name : null;
            var address = SubscriberAddress.Normalize(parseResult.GetRequiredValue(email));
            var removed = await services.GetRequiredService<ISubscriberStore>().RemoveAsync(target, address, token);
            if (removed == 0)
            {
                throw new UserErrorException(target is null ? $"not subscribed: {address}" : $"not subscribed to {target}: {address}");
            }

            context.Output.WriteLine($"removed {address} from {removed} list{(removed == 1 ? "" : "s")}");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ImportCommand(CliContext context)
    {
        var file = new Argument<string>("CSV") { Description = "A CSV file with a header row email,name,list (name and list optional)" };
        var list = ListOption("The list for rows without one; default: the only one");
        var command = new Command("import", "Add every address of a CSV file, active at once; invalid lines and the unsubscribed or bounced addresses kept as they are are reported") { file, list };
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, async (services, lists, token) =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new UserErrorException($"no such file: {path}");
            }

            var defaultList = parseResult.GetValue(list) is { } given ? Resolve(lists, given).Name : lists.Count == 1 ? lists[0].Name : null;
            var store = services.GetRequiredService<ISubscriberStore>();
            return await SubscriberImport.RunAsync(context.Console, context.Output, store, path, lists.Select(l => l.Name).ToList(), defaultList, token);
        }, cancellationToken));
        return command;
    }

    private static Command ReactivateCommand(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The bounced address to bring back" };
        var list = ListOption("The list (an email destination name); default: the only one");
        var command = new Command("reactivate", "Make a bounced address active again (an unsubscribed one comes back only through its own double opt-in)") { email, list };
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, async (services, lists, token) =>
        {
            var target = Resolve(lists, parseResult.GetValue(list));
            var address = SubscriberAddress.Normalize(parseResult.GetRequiredValue(email));
            var store = services.GetRequiredService<ISubscriberStore>();
            if (await store.ReactivateAsync(target.Name, address, token) == SubscriberChange.Updated)
            {
                context.Output.WriteLine($"reactivated {address} on {target.Name}");
                return 0;
            }

            throw new UserErrorException((await store.GetAsync(target.Name, address, token))?.Status switch
            {
                null => $"not on {target.Name}: {address}",
                SubscriberStatus.Unsubscribed => $"{address} unsubscribed from {target.Name}; only its own double opt-in (POST /subscribe) brings it back",
                { } status => $"{address} is {status.ToString().ToLowerInvariant()} on {target.Name}, not bounced",
            });
        }, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(
        CliContext context,
        ParseResult parseResult,
        Func<IServiceProvider, IReadOnlyList<SubscriptionList>, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken) =>
        context.WithStoreAsync(
            parseResult,
            services => services.AddSubscriptions(),
            (services, token) =>
            {
                var lists = SubscriptionListsReader.Read(services.GetRequiredService<IConfiguration>());
                if (lists.Count == 0)
                {
                    throw new UserErrorException("no email list is configured (Email:Destinations:N:Name)");
                }

                return action(services, lists, token);
            },
            cancellationToken);

    private static SubscriptionList Resolve(IReadOnlyList<SubscriptionList> lists, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return lists.Count == 1
                ? lists[0]
                : throw new UserErrorException($"several email lists are configured; name one with --list ({string.Join(", ", lists.Select(l => l.Name))})");
        }

        return lists.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UserErrorException($"no such email list: {name} (configured: {string.Join(", ", lists.Select(l => l.Name))})");
    }

    private static string ValidAddress(string email) =>
        SubscriberAddress.IsValid(email.Trim()) ? SubscriberAddress.Normalize(email) : throw new UserErrorException($"not a valid email address: {email}");
}
