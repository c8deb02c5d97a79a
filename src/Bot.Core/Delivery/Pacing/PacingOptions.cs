using System.Globalization;
using Bot.Core.Channels;

namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// Send budgets per channel (configuration section <c>Delivery:Pacing</c>, e.g.
/// <c>Delivery:Pacing:Channels:telegram:0:Scope=Channel</c>, <c>:Limit=30</c>, <c>:Window=00:00:01</c>).
/// A channel with no budget is not paced by the bot (its platform's own answers still are).
/// </summary>
public sealed class PacingOptions
{
    /// <summary>
    /// Budgets by channel name. Defaults, from the platforms' published guidance: Telegram 30 requests a second per
    /// bot, 1 a second and 20 a minute per chat; Discord 50 a second per bot and 5 per 5 seconds per channel (its
    /// rate-limit headers still rule); email none, so the SMTP pool sets the pace.
    /// </summary>
    public Dictionary<string, List<RateBudget>> Channels { get; set; } = Defaults();

    public static Dictionary<string, List<RateBudget>> Defaults() => new(StringComparer.OrdinalIgnoreCase)
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
        [ChannelNames.Email] = [],
    };

    /// <summary>The problems with these values, each naming its key and value.</summary>
    public IEnumerable<string> Validate(string section = "Delivery:Pacing")
    {
        foreach (var (channel, budgets) in Channels)
        {
            for (var i = 0; i < budgets.Count; i++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{section}:Channels:{channel}:{i}");
                if (budgets[i].Limit < 1)
                {
                    yield return string.Create(CultureInfo.InvariantCulture, $"{key}:Limit: '{budgets[i].Limit}' must be a whole number of at least 1");
                }
                if (budgets[i].Window <= TimeSpan.Zero)
                {
                    yield return budgets[i].Window == TimeSpan.Zero
                        ? $"{key}:Window: missing; give the window as hh:mm:ss, e.g. 00:00:01"
                        : $"{key}:Window: '{budgets[i].Window}' must be positive";
                }
            }
        }
    }
}
