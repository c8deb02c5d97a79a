using Bot.Core.Articles;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>The recent articles with their deliveries tallied per channel.</summary>
/// <param name="Channels">The channels with a configured destination or any delivery, in the usual order.</param>
public sealed record ArticleListModel(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<string> Channels,
    IReadOnlyDictionary<(string Key, string Channel), ChannelTally> Tallies)
{
    public ChannelTally TallyOf(string key, string channel) => Tallies.GetValueOrDefault((key, channel)) ?? ChannelTally.Zero;

    public static string LiveId(string key, string channel, string group) => $"c|{channel}|{group}|{key}";

    public LiveValues Live() => new(
        LiveValues.ShapeOf(Articles.Select(a => $"{a.Key}|{a.Version}|{a.Retracted}")),
        Articles.SelectMany(a => Channels.SelectMany(c => ChannelTally.Groups.Select(g => (Id: LiveId(a.Key, c, g), Text: Html.N(TallyOf(a.Key, c)[g])))))
            .ToDictionary(v => v.Id, v => v.Text, StringComparer.Ordinal));
}
