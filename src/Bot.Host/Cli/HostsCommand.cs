using System.CommandLine;
using System.Globalization;
using Bot.Core.Hosts;
using Bot.Host.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

public static class HostsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("hosts", "List the live hosts sharing the store: id, Host:Name, when it started, its last heartbeat and the singletons it runs");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = context.LoadConfiguration(parseResult);
            return context.WithStoreAsync(
                parseResult,
                services => services.AddBotHostsStore(configuration),
                async (services, token) =>
                {
                    var hosts = services.GetRequiredService<LiveHosts>();
                    Write(context.Output, await hosts.ListAsync(token), hosts.Lease);
                    return 0;
                },
                cancellationToken);
        });
        return command;
    }

    /// <summary>One line per live host, columns separated by two spaces, its singletons last.</summary>
    public static void Write(TextWriter output, IReadOnlyList<HostRecord> hosts, TimeSpan lease)
    {
        if (hosts.Count == 0)
        {
            output.WriteLine($"no live hosts (none has written a heartbeat in the last {lease.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s)");
            return;
        }

        string[] header = ["HOST", "NAME", "STARTED", "HEARTBEAT", "SINGLETONS"];
        var lines = hosts.Select(h => new[]
        {
            h.Id,
            h.Name,
            h.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Ago(h.SinceSeen),
            h.Singletons.Count == 0 ? "-" : string.Join(' ', h.Singletons),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => Math.Max(header[i].Length, lines.Max(l => l[i].Length))).ToList();
        output.WriteLine(Line(header, widths));
        foreach (var line in lines) output.WriteLine(Line(line, widths));
    }

    public static string Ago(TimeSpan since) => Math.Max(0, since.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture) + " s ago";

    private static string Line(string[] cells, List<int> widths) =>
        string.Join("  ", cells.Take(widths.Count).Select((c, i) => c.PadRight(widths[i]))) + "  " + cells[^1];
}
