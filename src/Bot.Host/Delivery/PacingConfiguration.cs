using System.Globalization;
using Bot.Core.Delivery.Pacing;
using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Delivery;

/// <summary>
/// Reads <c>Delivery:Pacing:Channels:CHANNEL:N:{Scope,Limit,Window}</c> over the defaults: a key given for a budget the
/// defaults have changes that value only (<c>…:telegram:0:Limit=25</c>), a budget at a new index is added and needs
/// its limit and window. Every value that cannot be read is a problem naming its key and value.
/// </summary>
public static class PacingConfiguration
{
    public const string Section = "Delivery:Pacing:Channels";

    public static (PacingOptions Options, IReadOnlyList<CheckProblem> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PacingOptions();
        var problems = new List<CheckProblem>();
        foreach (var channel in configuration.GetSection(Section).GetChildren())
        {
            var defaults = options.Channels.TryGetValue(channel.Key, out var known) ? known : [];
            var budgets = defaults.Select(b => b.Copy()).ToList();
            foreach (var entry in channel.GetChildren())
            {
                var key = $"{Section}:{channel.Key}:{entry.Key}";
                if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > budgets.Count)
                {
                    problems.Add(new($"budgets are numbered 0, 1, 2, … without gaps; '{entry.Key}' is not the next one", key));
                    continue;
                }

                var budget = index < budgets.Count ? budgets[index] : new RateBudget();
                var added = index == budgets.Count;
                Read(entry, key, budget, added, problems);
                if (added) budgets.Add(budget);
            }
            options.Channels[channel.Key] = budgets;
        }
        return (options, problems);
    }

    private static void Read(IConfigurationSection entry, string key, RateBudget budget, bool added, List<CheckProblem> problems)
    {
        if (entry["Scope"] is { } scope)
        {
            if (Enum.TryParse<RateScope>(scope, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(scope.Trim().FirstOrDefault()))
            {
                budget.Scope = parsed;
            }
            else
            {
                problems.Add(new($"'{scope}' must be Channel or Target", key + ":Scope"));
            }
        }

        if (entry["Limit"] is { } limit)
        {
            if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
            {
                budget.Limit = parsed;
            }
            else
            {
                problems.Add(new($"'{limit}' must be a whole number of at least 1", key + ":Limit"));
            }
        }
        else if (added)
        {
            problems.Add(new("missing: a budget added by configuration needs a limit (requests per window)", key + ":Limit"));
        }

        if (entry["Window"] is { } window)
        {
            if (TimeSpan.TryParse(window, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero)
            {
                budget.Window = parsed;
            }
            else
            {
                problems.Add(new($"'{window}' must be a positive duration such as 00:00:01", key + ":Window"));
            }
        }
        else if (added)
        {
            problems.Add(new("missing: a budget added by configuration needs a window such as 00:00:01", key + ":Window"));
        }
    }
}
