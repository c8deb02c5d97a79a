using System.Globalization;
using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Sources.Inbox;

/// <summary>
/// The rules for the inbox's keys under <c>Sources</c>, shared by <c>bot check</c> and the guard in front of
/// <c>bot run</c>, so the watcher only ever binds values these rules accepted.
/// </summary>
public static class InboxRules
{
    public const string WatchKey = "Sources:InboxWatch";
    public const string SettleKey = "Sources:InboxSettle";
    public const string ClaimTimeoutKey = "Sources:InboxClaimTimeout";

    /// <summary>Below this, hosts would renew their claim folders many times a second.</summary>
    public static readonly TimeSpan MinimumClaimTimeout = TimeSpan.FromSeconds(1);

    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration)
    {
        var watch = configuration[WatchKey];
        if (watch is not null && !Enum.GetNames<InboxWatchMode>().Contains(watch, StringComparer.OrdinalIgnoreCase))
        {
            yield return new($"must be Auto, Notify or Poll, not '{watch}'", WatchKey);
        }

        var settle = configuration[SettleKey];
        if (settle is not null && (!TimeSpan.TryParse(settle, CultureInfo.InvariantCulture, out var span) || span <= TimeSpan.Zero))
        {
            yield return new($"'{settle}' is not a positive duration such as 00:00:05", SettleKey);
        }

        var timeout = configuration[ClaimTimeoutKey];
        if (timeout is not null && (!TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var claim) || claim < MinimumClaimTimeout))
        {
            yield return new($"'{timeout}' is not a duration of at least one second such as 00:01:00", ClaimTimeoutKey);
        }
    }
}
