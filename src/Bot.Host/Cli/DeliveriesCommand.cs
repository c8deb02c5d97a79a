using Bot.Core.Delivery.Store;
using System.CommandLine;
using System.Globalization;
using Bot.Core.Delivery;
using Bot.Host.Delivery;
using Microsoft.Extensions.DependencyInjection;

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
        command.SetAction((parseResult, cancellationToken) => context.WithStoreAsync(
            parseResult,
            services => services.AddBotDeliveryStore(),
            async (services, token) =>
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

                var rows = await services.GetRequiredService<IDeliveryQueries>()
                    .ListAsync(new DeliveryQuery(wanted, parseResult.GetValue(article), Limit: count), token);
                Write(context.Output, rows);
                return 0;
            },
            cancellationToken));
        return command;
    }

    /// <summary>One line per delivery, columns separated by two spaces, the free-text error last.</summary>
    public static void Write(TextWriter output, IReadOnlyList<DeliveryRecord> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("no deliveries");
            return;
        }

        string[] header = ["ID", "STATUS", "KIND", "ARTICLE", "V", "DESTINATION", "RECIPIENT", "TRIES", "WHEN", "ERROR"];
        var lines = rows.Select(r => new[]
        {
            r.Id.ToString(CultureInfo.InvariantCulture),
            DeliveryNames.Of(r.Status),
            DeliveryNames.Of(r.Kind),
            r.ArticleKey,
            r.ArticleVersion.ToString(CultureInfo.InvariantCulture),
            r.Destination,
            r.Recipient.Length == 0 ? "-" : r.Recipient,
            r.Attempts.ToString(CultureInfo.InvariantCulture),
            When(r),
            r.LastError ?? "",
        }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => Math.Max(header[i].Length, lines.Max(l => l[i].Length))).ToList();
        output.WriteLine(Line(header, widths));
        foreach (var line in lines) output.WriteLine(Line(line, widths));
    }

    private static string Line(string[] cells, List<int> widths) =>
        string.Join("  ", cells.Take(widths.Count).Select((c, i) => c.PadRight(widths[i]))) + "  " + cells[^1].ReplaceLineEndings(" ");

    private static string When(DeliveryRecord r) => r.Status switch
    {
        DeliveryStatus.Sent => "sent " + Stamp(r.SentAt ?? r.UpdatedAt),
        DeliveryStatus.Queued or DeliveryStatus.Failed => "next " + Stamp(r.NextAttemptAt ?? r.UpdatedAt),
        _ => Stamp(r.UpdatedAt),
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
