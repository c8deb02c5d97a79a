using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Bot.Core.Admin;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Rendering;
using Bot.Core.Storage;

namespace Bot.Channels.Telegram;

/// <summary>
/// What the admin commands do, answered as Telegram HTML with every inserted value escaped. Callers check that
/// the sender is an admin first; every command that runs is written to the audit log.
/// </summary>
public sealed class TelegramAdminCommands(
    IArticleStore articles,
    IDeliveryQueries deliveries,
    IDestinationStore destinations,
    IAuditLog audit,
    DestinationCatalog catalog,
    IMessageRenderer renderer,
    AdminActions actions,
    TimeProvider timeProvider,
    TelegramPublishCommand? publish = null,
    TelegramSubscribersCommand? subscribers = null)
{

    /// <summary>The command menu published with setMyCommands, in display order.</summary>
    public static IReadOnlyList<(string Name, string Description)> Menu { get; } =
    [
        ("help", "What the bot can do"),
        ("status", "Queue and destinations at a glance"),
        ("articles", "Recent articles"),
        ("preview", "ID [channel] — show what would be sent"),
        ("retry", "[delivery id] — put dead deliveries back in the queue"),
        ("pause", "NAME — hold a destination's deliveries"),
        ("resume", "NAME — send held deliveries; re-enable a disabled destination"),
        ("destinations", "Configured destinations and their state"),
        ("publish", "ID — announce an article again everywhere it matches"),
        ("subscribers", "Email list counts by state"),
    ];

    private const int ListLimit = 1000;

    public Task<TelegramMessage> ExecuteAsync(TelegramCommand command, CancellationToken cancellationToken) =>
        ExecuteAsync(command, Actor(command), "telegram-command", cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> for another channel (Discord's slash commands): the audit row names
    /// <paramref name="actor"/> and <paramref name="auditAction"/> instead of the Telegram sender.
    /// </summary>
    public async Task<TelegramMessage> ExecuteAsync(TelegramCommand command, string actor, string auditAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (reply, detail) = command.Name switch
        {
            "help" or "start" => (Help(), "ok"),
            "status" => await StatusAsync(cancellationToken),
            "articles" => await ArticlesAsync(cancellationToken),
            "preview" => await PreviewAsync(command.Arguments, cancellationToken),
            "retry" => await RetryAsync(command.Arguments, cancellationToken),
            "pause" => await PauseAsync(command.Arguments, paused: true, cancellationToken),
            "resume" => await PauseAsync(command.Arguments, paused: false, cancellationToken),
            "destinations" => await DestinationsAsync(cancellationToken),
            "publish" when publish is not null => await publish.ExecuteAsync(command.Arguments, actor, cancellationToken),
            "subscribers" when subscribers is not null => await subscribers.ExecuteAsync(cancellationToken),
            _ => (Text($"Unknown command /{Escape(command.Name)}. Try /help."), "unknown"),
        };

        await audit.AuditAsync(actor, auditAction, $"/{command.Name} {command.Arguments}".Trim(), detail, timeProvider.GetUtcNow(), cancellationToken);
        return reply;
    }

    public static string Actor(TelegramCommand command) =>
        "telegram:" + (command.UserId?.ToString(CultureInfo.InvariantCulture) ?? "chat" + command.ChatId.ToString(CultureInfo.InvariantCulture));

    private static TelegramMessage Help()
    {
        var text = new StringBuilder("<b>Commands</b>\n");
        foreach (var (name, description) in Menu)
        {
            text.Append('/').Append(name).Append(" — ").Append(Escape(description)).Append('\n');
        }

        return Text(text.ToString());
    }

    private async Task<(TelegramMessage, string)> StatusAsync(CancellationToken cancellationToken)
    {
        var states = await destinations.ListAsync(cancellationToken);
        var text = new StringBuilder("<b>Status</b>\n");
        foreach (var status in new[] { DeliveryStatus.Queued, DeliveryStatus.Failed, DeliveryStatus.Held, DeliveryStatus.Dead })
        {
            var count = (await deliveries.ListAsync(new DeliveryQuery(Status: status, Limit: ListLimit), cancellationToken)).Count;
            text.Append(status.ToString().ToLowerInvariant()).Append(": ").Append(count >= ListLimit ? $"{ListLimit}+" : count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("destinations: ").Append(states.Count.ToString(CultureInfo.InvariantCulture))
            .Append(", paused ").Append(states.Count(s => s.Paused).ToString(CultureInfo.InvariantCulture))
            .Append(", disabled ").Append(states.Count(s => s.Disabled).ToString(CultureInfo.InvariantCulture));
        return (Text(text.ToString()), "ok");
    }

    private async Task<(TelegramMessage, string)> ArticlesAsync(CancellationToken cancellationToken)
    {
        var recent = await articles.ListRecentAsync(10, cancellationToken);
        if (recent.Count == 0)
        {
            return (Text("No articles yet."), "none");
        }

        var text = new StringBuilder("<b>Recent articles</b>\n");
        foreach (var article in recent)
        {
            text.Append("<code>").Append(Escape(article.Key)).Append("</code> v").Append(article.Version.ToString(CultureInfo.InvariantCulture))
                .Append(" — ").Append(Escape(Shorten(article.Title, 80))).Append('\n');
        }

        return (Text(text.ToString()), $"{recent.Count} listed");
    }

    private async Task<(TelegramMessage, string)> PreviewAsync(string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (Text("Usage: /preview ID [telegram|discord|email]"), "usage");
        }

        var channel = words.Length > 1 ? words[1].ToLowerInvariant() : ChannelNames.Telegram;
        if (!ChannelNames.All.Contains(channel))
        {
            return (Text($"Unknown channel {Escape(channel)}: telegram, discord or email."), "bad channel");
        }

        var article = await articles.GetAsync(words[0], null, cancellationToken);
        if (article is null)
        {
            return (Text($"No article {Escape(words[0])}."), "not found");
        }

        var destination = catalog.All.FirstOrDefault(d => d.Channel == channel)
            ?? new Destination("preview", channel, string.Empty, null, DestinationFilter.Everything);
        var recipient = channel == ChannelNames.Email ? new EmailRecipient("subscriber@example.org", "Subscriber", null) : null;
        var rendered = renderer.Render(article, destination, recipient);
        if (rendered is TelegramMessage telegram)
        {
            // Exactly the parts a subscriber of that destination would get.
            return (telegram, $"telegram via {destination.Name}");
        }

        var json = JsonSerializer.Serialize(rendered, rendered.GetType(), new JsonSerializerOptions { WriteIndented = true });
        return (Text($"<b>{Escape(channel)}</b> via {Escape(destination.Name)}\n<pre>{Escape(Shorten(json, 3500))}</pre>"), $"{channel} via {destination.Name}");
    }

    private async Task<(TelegramMessage, string)> RetryAsync(string arguments, CancellationToken cancellationToken)
    {
        long? id = null;
        if (arguments.Length > 0)
        {
            if (!long.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return (Text("Usage: /retry [delivery id]"), "usage");
            }

            id = parsed;
        }

        var count = await actions.RequeueDeadAsync(id, cancellationToken);
        return (Text($"{count.ToString(CultureInfo.InvariantCulture)} dead deliver{(count == 1 ? "y" : "ies")} queued again."), $"requeued {count}");
    }

    private async Task<(TelegramMessage, string)> PauseAsync(string name, bool paused, CancellationToken cancellationToken)
    {
        var verb = paused ? "pause" : "resume";
        if (name.Length == 0)
        {
            return (Text($"Usage: /{verb} NAME (see /destinations)"), "usage");
        }

        var known = paused ? await actions.PauseAsync(name, cancellationToken) : await actions.ResumeAsync(name, cancellationToken);

        return known
            ? (Text($"{Escape(name)} {(paused ? "paused: its deliveries are held" : "resumed: held deliveries go out in order")}."), paused ? "paused" : "resumed")
            : (Text($"No destination {Escape(name)}. See /destinations."), "unknown destination");
    }

    private async Task<(TelegramMessage, string)> DestinationsAsync(CancellationToken cancellationToken)
    {
        var states = (await destinations.ListAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        if (catalog.All.Count == 0)
        {
            return (Text("No destinations configured."), "none");
        }

        var text = new StringBuilder("<b>Destinations</b>\n");
        foreach (var destination in catalog.All)
        {
            var state = states.GetValueOrDefault(destination.Name);
            var flag = state switch
            {
                { Disabled: true } => "disabled: " + Shorten(state.DisabledReason ?? string.Empty, 60),
                { Paused: true } => "paused",
                _ => "active",
            };
            text.Append(Escape(destination.Name)).Append(" (").Append(destination.Channel).Append(") — ").Append(Escape(flag)).Append('\n');
        }

        return (Text(text.ToString()), $"{catalog.All.Count} listed");
    }

    private static TelegramMessage Text(string html) => new([new TelegramPart(html.TrimEnd(), DisableLinkPreview: true)]);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
