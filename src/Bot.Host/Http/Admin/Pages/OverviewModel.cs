using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>The first page: every destination with its deliveries tallied, and the dead deliveries to retry.</summary>
public sealed record OverviewModel(
    IReadOnlyList<DestinationRow> Destinations,
    IReadOnlyDictionary<string, ChannelTally> Tallies,
    IReadOnlyList<DeliveryRecord> Dead)
{
    public ChannelTally TallyOf(string destination) => Tallies.GetValueOrDefault(destination) ?? ChannelTally.Zero;

    public static string LiveId(string destination, string group) => $"d|{group}|{destination}";

    public LiveValues Live() => new(
        LiveValues.ShapeOf(Destinations.Select(d => $"{d.Name}|{d.State}").Concat(Dead.Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        Destinations.SelectMany(d => ChannelTally.Groups.Select(g => (Id: LiveId(d.Name, g), Text: Html.N(TallyOf(d.Name)[g]))))
            .ToDictionary(v => v.Id, v => v.Text, StringComparer.Ordinal));
}
