using Bot.Core.Channels;

namespace Bot.Core.Delivery.Timing;

/// <summary>
/// Send budgets per channel (configuration section <c>Delivery:Pacing</c>, e.g.
/// <c>Delivery:Pacing:Channels:telegram:0:Scope=Target</c>, <c>:Limit=20</c>, <c>:Window=00:01:00</c>).
/// A channel with no entry is not paced.
/// </summary>
public sealed class PacingOptions
{
    /// <summary>
    /// Budgets by channel name. Defaults, from the platforms' published guidance: Telegram 30/s per bot, 1/s and
    /// 20/min per chat; Discord 50/s per bot and 5 per 5 s per channel (its headers still rule); email 20/s.
    /// </summary>
    public Dictionary<string, List<RateBudget>> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ChannelNames.Telegram] =
        [
            RateBudget.PerChannel(30, TimeSpan.FromSeconds(1)),
            RateBudget.PerTarget(1, TimeSpan.FromSeconds(1)),
            RateBudget.PerTarget(20, TimeSpan.FromMinutes(1)),
        ],
        [ChannelNames.Discord] =
        [
            RateBudget.PerChannel(50, TimeSpan.FromSeconds(1)),
            RateBudget.PerTarget(5, TimeSpan.FromSeconds(5)),
        ],
        [ChannelNames.Email] =
        [
            RateBudget.PerChannel(20, TimeSpan.FromSeconds(1)),
        ],
    };

    /// <summary>The problems with these values, each naming its key.</summary>
    public IEnumerable<string> Validate(string section = "Delivery:Pacing")
    {
        foreach (var (channel, budgets) in Channels)
        {
            for (var i = 0; i < budgets.Count; i++)
            {
                if (budgets[i].Limit < 1) yield return $"{section}:Channels:{channel}:{i}:Limit must be at least 1";
                if (budgets[i].Window <= TimeSpan.Zero) yield return $"{section}:Channels:{channel}:{i}:Window must be positive";
            }
        }
    }
}
