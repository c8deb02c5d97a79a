using System.CommandLine;
using Bot.Core.Admin.Commands;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Host.Composition;
using Bot.Host.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Cli.Admin;

/// <summary>
/// The verbs that are admin commands (<c>articles</c>, <c>deliveries</c>, <c>retry</c>, <c>retract</c>) reach the
/// one admin command set as <see cref="AdminCaller.Cli"/>, so a change is checked and audited as every surface's is
/// (actor <c>cli:USER</c>, origin <c>cli</c>), and print its reply through <see cref="CliAdminReplyFormatter"/>.
/// </summary>
public static class CliAdminCommands
{
    /// <summary>Whoever runs <c>bot</c>, as the operating system names them.</summary>
    public static AdminCaller Caller { get; } = AdminCaller.Cli(Environment.UserName);

    /// <summary>Runs <paramref name="request"/> against the store and prints the answer; a user's mistake ends in exit code 1.</summary>
    public static Task<int> RunAsync(CliContext context, ParseResult parseResult, AdminRequest request, CancellationToken cancellationToken) =>
        context.WithStoreAsync(
            parseResult,
            services => services.AddCliAdminCommands(),
            async (services, token) =>
            {
                var reply = await services.GetRequiredService<AdminCommands>().ExecuteAsync(Caller, request, token);
                var answer = CliAdminReplyFormatter.Format(reply);
                if (answer.Error is { } error)
                {
                    throw new UserErrorException(error);
                }

                await context.Output.WriteAsync(answer.Output);
                return 0;
            },
            cancellationToken);

    /// <summary>
    /// The command set without workers: nothing in this process is woken, and <c>bot run</c> plans a change at its next
    /// poll. No templates are loaded, so a verb does not depend on them.
    /// </summary>
    public static IServiceCollection AddCliAdminCommands(this IServiceCollection services)
    {
        services.AddBotDeliveryStore();
        services.TryAddSingleton(sp => new DestinationCatalog(Destinations(sp.GetRequiredService<IConfiguration>()), DeliveryServiceCollectionExtensions.ChannelTraits));
        services.AddSingleton(new AdminGrant(Caller.Surface, [Caller.Id]));
        services.AddAdminCommands();
        return services;
    }

    private static IReadOnlyList<Destination> Destinations(IConfiguration configuration)
    {
        try
        {
            return DeliveryConfiguration.ReadDestinations(configuration, ChannelCredentials.DryChannels(configuration));
        }
        catch (InvalidOperationException e)
        {
            // Already one line naming the key.
            throw new UserErrorException(e.Message);
        }
    }
}
