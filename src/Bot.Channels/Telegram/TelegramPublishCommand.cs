using System.Globalization;
using Bot.Core.Channels;
using Bot.Core.Delivery.Republishing;
using static Bot.Channels.Telegram.TelegramHtmlReply;

namespace Bot.Channels.Telegram;

/// <summary><c>/publish ID</c>: announce an article again to every matching destination.</summary>
public sealed class TelegramPublishCommand(ArticleRepublisher republisher, TimeProvider timeProvider)
{
    public async Task<(TelegramMessage Reply, string Detail)> ExecuteAsync(string arguments, string actor, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 1)
        {
            return (Text("Usage: /publish ID (see /articles)"), "usage");
        }

        var result = await republisher.RepublishAsync(words[0], actor, cancellationToken);
        return result switch
        {
            RepublishResult.Queued q => (
                Text(string.Create(CultureInfo.InvariantCulture,
                    $"Publishing <code>{Escape(q.ArticleKey)}</code> v{q.Version} again: {q.Deliveries} new deliver{(q.Deliveries == 1 ? "y" : "ies")} to {q.Destinations} destination{(q.Destinations == 1 ? "" : "s")}.")),
                string.Create(CultureInfo.InvariantCulture, $"generation {q.Generation}, {q.Deliveries} deliveries")),
            RepublishResult.AlreadyQueued a => (
                Text(string.Create(CultureInfo.InvariantCulture,
                    $"<code>{Escape(a.ArticleKey)}</code> was published again {Ago(a.At)} ago; nothing new queued. Send /publish again after a minute to announce it once more.")),
                string.Create(CultureInfo.InvariantCulture, $"already queued as generation {a.Generation}")),
            RepublishResult.Retracted r => (Text($"<code>{Escape(r.ArticleKey)}</code> is retracted; it is not published again."), "retracted"),
            RepublishResult.NoDestination n => (Text($"No enabled destination takes <code>{Escape(n.ArticleKey)}</code>. See /destinations."), "no destination"),
            _ => (Text($"No article {Escape(words[0])}. See /articles."), "not found"),
        };
    }

    private string Ago(DateTimeOffset at)
    {
        var seconds = Math.Max(0, (int)(timeProvider.GetUtcNow() - at).TotalSeconds);
        return seconds.ToString(CultureInfo.InvariantCulture) + " s";
    }
}
