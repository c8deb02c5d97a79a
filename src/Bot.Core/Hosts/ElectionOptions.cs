using System.Globalization;

namespace Bot.Core.Hosts;

/// <summary>How hosts sharing a store elect their singletons and show that they are alive (configuration section <c>Host</c>).</summary>
public sealed class ElectionOptions
{
    /// <summary>
    /// How long an elected singleton stays with a host that stopped renewing it (killed, hung, or cut off from the
    /// database): another host takes it over at most this long after the last renewal, plus one renewal period. The
    /// holder renews every fifth of it and gives the singleton up on its own when no renewal went through for four
    /// fifths, so it has stopped before anyone else can start. A host whose heartbeat is older than this is no longer
    /// shown as live. Default 10 seconds; at least 1 second.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the holder renews, candidates ask, and the heartbeat is written: a fifth of <see cref="Lease"/>.</summary>
    public TimeSpan RenewEvery => Lease / 5;

    /// <summary>How long after sending its last successful renewal a holder trusts itself: four fifths of <see cref="Lease"/>.</summary>
    public TimeSpan TrustFor => Lease - RenewEvery;

    /// <summary>The problems with these values, each naming its key and value.</summary>
    public IEnumerable<string> Validate(string section = "Host")
    {
        if (Lease < TimeSpan.FromSeconds(1))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{section}:Lease: '{Lease}' must be at least 00:00:01");
        }
    }
}
