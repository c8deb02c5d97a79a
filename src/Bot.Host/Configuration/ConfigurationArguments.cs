using System.Text.RegularExpressions;

namespace Bot.Host.Configuration;

/// <summary>
/// Splits <c>--Section:Key=value</c> configuration overrides from the verb's own arguments, so the
/// parser never mistakes an override for a path and never lets a misspelt option through as one.
/// </summary>
public static partial class ConfigurationArguments
{
    /// <summary>Returns the command-line tokens and the configuration overrides, in their original order.</summary>
    public static (string[] Command, string[] Overrides) Split(IReadOnlyList<string> args)
    {
        var command = new List<string>(args.Count);
        var overrides = new List<string>();
        var literal = false;
        foreach (var arg in args)
        {
            if (!literal && arg == "--")
            {
                literal = true;
                command.Add(arg);
            }
            else if (!literal && OverridePattern().IsMatch(arg))
            {
                overrides.Add(arg);
            }
            else
            {
                command.Add(arg);
            }
        }

        return ([.. command], [.. overrides]);
    }

    /// <summary>The overrides as configuration key/value pairs, later ones winning.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToPairs(IEnumerable<string> overrides)
    {
        foreach (var o in overrides)
        {
            var eq = o.IndexOf('=', StringComparison.Ordinal);
            yield return new(o[2..eq], o[(eq + 1)..]);
        }
    }

    // A section and at least one key: "--Store:Provider=postgres", "--Telegram:Destinations:0:Name=news".
    [GeneratedRegex(@"^--[A-Za-z_][A-Za-z0-9_.\-]*(:[A-Za-z0-9_.\-]+)+=", RegexOptions.CultureInvariant)]
    private static partial Regex OverridePattern();
}
