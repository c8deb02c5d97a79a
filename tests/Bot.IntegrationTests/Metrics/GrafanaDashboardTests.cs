using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Xunit;

namespace Bot.IntegrationTests.Metrics;

/// <summary>
/// <c>deploy/grafana/bot-dashboard.json</c> as Grafana imports it: valid JSON, a Prometheus data source variable every
/// panel uses, and queries that name only series a host's <c>/metrics</c> really carries (the new figures included).
/// </summary>
public sealed partial class GrafanaDashboardTests : IDisposable
{
    private readonly MetricsFixture _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public void Dashboard_EveryPanel_UsesThePrometheusDataSourceVariable()
    {
        var dashboard = Load();

        var variables = dashboard["templating"]!["list"]!.AsArray();
        var source = Assert.Single(variables, v => (string?)v!["type"] == "datasource")!;
        Assert.Equal(("datasource", "prometheus"), ((string?)source["name"], (string?)source["query"]));
        Assert.All(Panels(dashboard), panel =>
        {
            Assert.Equal("${datasource}", (string?)panel["datasource"]!["uid"]);
            Assert.All(panel["targets"]!.AsArray(), t => Assert.Equal("${datasource}", (string?)t!["datasource"]!["uid"]));
        });
    }

    [Fact]
    public async Task Dashboard_Queries_NameOnlySeriesTheBotExposesAndShowTheDeliveryFigures()
    {
        _metrics.Destinations.States.Add(new DestinationState("news", ChannelNames.Telegram, "-100", false, false, null));
        _metrics.Observer.Attempted(new ClaimedDelivery(1, "a", 1, "news", "", DeliveryKind.Announce, 1, [], MetricsFixture.Start), ChannelNames.Telegram,
            new SendOutcome.Sent(["1"]), TimeSpan.FromSeconds(1), MetricsFixture.Start);
        var exposed = await _metrics.ScrapeAsync();

        var named = Panels(Load())
            .SelectMany(p => p["targets"]!.AsArray())
            .SelectMany(t => BotSeries().Matches((string)t!["expr"]!).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(named, name => Assert.True(exposed.Has(name), $"{name} is not in /metrics"));
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "bot_article_to_send_seconds_bucket", "bot_send_seconds_bucket", "bot_send_seconds_count", "bot_throttled_total",
                "bot_oldest_due_delivery_age_seconds", "bot_deliveries", "bot_store_up",
            },
            named);
    }

    private static JsonNode Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln"))) directory = directory.Parent;
        return JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "deploy", "grafana", "bot-dashboard.json")))!;
    }

    private static IEnumerable<JsonNode> Panels(JsonNode dashboard) => dashboard["panels"]!.AsArray().Select(p => p!);

    [GeneratedRegex(@"\bbot_[a-z_]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex BotSeries();
}
