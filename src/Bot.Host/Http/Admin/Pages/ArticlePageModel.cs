using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>One article: each destination's deliveries of it, and what each configured destination would show.</summary>
public sealed record ArticlePageModel(Article Article, IReadOnlyList<DestinationDeliveries> Destinations, IReadOnlyList<ChannelPreview> Previews)
{
    public static string TallyId(string destination, string group) => $"t|{group}|{destination}";

    public static string RowId(long delivery, string field) => $"r|{field}|{delivery.ToString(CultureInfo.InvariantCulture)}";

    public LiveValues Live(AdminRedactor redactor)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in Destinations)
        {
            foreach (var group in ChannelTally.Groups)
            {
                values[TallyId(d.Destination.Name, group)] = Html.N(d.Tally[group]);
            }

            foreach (var r in d.Recent)
            {
                values[RowId(r.Id, "status")] = DeliveryNames.Of(r.Status);
                values[RowId(r.Id, "attempts")] = r.Attempts.ToString(CultureInfo.InvariantCulture);
                values[RowId(r.Id, "error")] = redactor.Redact(r.LastError) ?? "";
            }
        }

        // Rows that appear, or a delivery that gets its message ids (links to draw), change the shape: the page offers a reload.
        var shape = LiveValues.ShapeOf(Destinations.SelectMany(d => d.Recent.Select(r => $"{r.Id}|{r.RemoteIds.Count}"))
            .Prepend($"{Article.Version}|{Article.Retracted}"));
        return new LiveValues(shape, values);
    }
}

/// <summary>A destination's deliveries of one article: the tally over all of them and the newest rows.</summary>
public sealed record DestinationDeliveries(DestinationRow Destination, ChannelTally Tally, long Total, IReadOnlyList<DeliveryRecord> Recent);
