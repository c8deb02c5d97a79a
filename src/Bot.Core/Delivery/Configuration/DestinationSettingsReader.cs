using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;

namespace Bot.Core.Delivery.Configuration;

/// <summary>
/// Builds <see cref="Destination"/>s from flattened configuration (the pairs <c>IConfiguration.AsEnumerable()</c>
/// yields), so the rules live here and the host only hands the pairs over. Keys, per channel section:
/// <list type="bullet">
/// <item><c>Telegram:Destinations:N:</c> <c>Name</c>, <c>ChatId</c> (a number or <c>@username</c>), <c>Template</c>, <c>Filter</c>.</item>
/// <item><c>Discord:Destinations:N:</c> <c>Name</c>, exactly one of <c>ChannelId</c> and <c>WebhookUrl</c>, <c>Template</c>,
/// <c>Filter</c>, <c>Color</c> (<c>#RRGGBB</c>, <c>0xRRGGBB</c> or a decimal).</item>
/// <item><c>Email:Destinations:N:</c> <c>Name</c>, <c>Template</c>, <c>Filter</c>, <c>SendCorrections</c> (true/false),
/// <c>Language</c> (of the list's subscription pages).</item>
/// </list>
/// <c>Filter</c> is either one string (see <see cref="DestinationFilterParser"/>) or a section with
/// <c>Tags:N</c>, <c>Categories:N</c>, <c>Languages:N</c> and <c>Pattern</c>. Names are unique across channels.
/// </summary>
public static partial class DestinationSettingsReader
{
    private static readonly (string Section, string Channel)[] Sections =
    [
        ("Telegram", ChannelNames.Telegram),
        ("Discord", ChannelNames.Discord),
        ("Email", ChannelNames.Email),
    ];

    public static DestinationSettings Read(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var entries = new Dictionary<(string Section, string Index), Dictionary<string, (string Key, string Value)>>();
        foreach (var (key, value) in settings)
        {
            if (string.IsNullOrEmpty(value)) continue;
            var parts = key.Split(':');
            if (parts.Length < 4 || !parts[1].Equals("Destinations", StringComparison.OrdinalIgnoreCase)) continue;
            var section = Sections.FirstOrDefault(s => s.Section.Equals(parts[0], StringComparison.OrdinalIgnoreCase)).Section;
            if (section is null) continue;

            var id = (section, parts[2]);
            if (!entries.TryGetValue(id, out var fields))
            {
                entries[id] = fields = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
            }
            fields[string.Join(':', parts[3..])] = (key, value);
        }

        var destinations = new List<Destination>();
        var problems = new List<ConfigurationProblem>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var ((section, index), fields) in entries
                     .OrderBy(e => Array.FindIndex(Sections, s => s.Section == e.Key.Section))
                     .ThenBy(e => int.TryParse(e.Key.Index, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
                     .ThenBy(e => e.Key.Index, StringComparer.Ordinal))
        {
            var channel = Sections.First(s => s.Section == section).Channel;
            var prefix = $"{section}:Destinations:{index}";
            var before = problems.Count;
            var destination = ReadOne(channel, prefix, fields, problems);
            if (destination is null) continue;

            // Checked even when the destination has other problems, so bot check lists everything at once.
            if (names.TryGetValue(destination.Name, out var firstKey))
            {
                problems.Add(new($"{prefix}:Name", $"the name '{destination.Name}' is already used by {firstKey}"));
                continue;
            }
            names[destination.Name] = $"{prefix}:Name";
            if (problems.Count == before) destinations.Add(destination);
        }

        return new DestinationSettings(destinations, problems);
    }

    private static Destination? ReadOne(
        string channel,
        string prefix,
        Dictionary<string, (string Key, string Value)> fields,
        List<ConfigurationProblem> problems)
    {
        string KeyOf(string field) => fields.TryGetValue(field, out var f) ? f.Key : $"{prefix}:{field}";
        string? Get(string field) => fields.TryGetValue(field, out var f) ? f.Value.Trim() : null;

        var allowed = channel switch
        {
            ChannelNames.Telegram => new[] { "Name", "ChatId", "Template", "Filter" },
            ChannelNames.Discord => ["Name", "ChannelId", "WebhookUrl", "Template", "Filter", "Color"],
            // Language is read by the subscription pages (SubscriptionListsReader), not by the engine.
            _ => ["Name", "Template", "Filter", "SendCorrections", "Language"],
        };
        foreach (var (field, (key, _)) in fields)
        {
            var head = field.Split(':')[0];
            if (!allowed.Contains(head, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new(key, $"unknown key; a {channel} destination takes {string.Join(", ", allowed)}"));
            }
        }

        var name = Get("Name");
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new(KeyOf("Name"), "missing: every destination needs a name"));
        }
        else if (!NamePattern().IsMatch(name))
        {
            problems.Add(new(KeyOf("Name"), $"'{name}' is not a usable name: letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit"));
        }
        else if (name.Equals(TelegramSubscriberDestination.Name, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(KeyOf("Name"), $"'{name}' is reserved for the bot's private-chat subscribers; choose another name"));
        }

        var template = Get("Template");
        if (template is not null && (template.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(template)))
        {
            problems.Add(new(KeyOf("Template"), $"'{template}' must be a name under config/templates/, not a path outside it"));
        }

        var filter = ReadFilter(prefix, fields, problems);

        var address = "";
        int? color = null;
        var sendCorrections = false;
        switch (channel)
        {
            case ChannelNames.Telegram:
                var chatId = Get("ChatId");
                if (string.IsNullOrEmpty(chatId))
                {
                    problems.Add(new(KeyOf("ChatId"), "missing: the chat id (a number such as -1001234567890, or @channelname)"));
                }
                else if (!long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && !TelegramUsername().IsMatch(chatId))
                {
                    problems.Add(new(KeyOf("ChatId"), $"'{chatId}' is neither a numeric chat id nor an @username"));
                }
                else
                {
                    address = chatId;
                }
                break;

            case ChannelNames.Discord:
                var channelId = Get("ChannelId");
                var webhook = Get("WebhookUrl");
                if (string.IsNullOrEmpty(channelId) == string.IsNullOrEmpty(webhook))
                {
                    problems.Add(new(KeyOf(string.IsNullOrEmpty(channelId) ? "ChannelId" : "WebhookUrl"),
                        "give exactly one of ChannelId and WebhookUrl"));
                }
                else if (!string.IsNullOrEmpty(channelId))
                {
                    if (!ulong.TryParse(channelId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        problems.Add(new(KeyOf("ChannelId"), $"'{channelId}' is not a Discord channel id (a number)"));
                    }
                    address = channelId;
                }
                else
                {
                    if (!Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                    {
                        // The URL holds the webhook token: never echo it.
                        problems.Add(new(KeyOf("WebhookUrl"), "not an absolute http(s) URL"));
                    }
                    address = webhook!;
                }

                var colorText = Get("Color");
                if (colorText is not null)
                {
                    if (TryParseColor(colorText, out var c)) color = c;
                    else problems.Add(new(KeyOf("Color"), $"'{colorText}' is not a colour: write #RRGGBB, 0xRRGGBB or a number up to 16777215"));
                }
                break;

            case ChannelNames.Email:
                var corrections = Get("SendCorrections");
                if (corrections is not null && !bool.TryParse(corrections, out sendCorrections))
                {
                    problems.Add(new(KeyOf("SendCorrections"), $"'{corrections}' is not true or false"));
                }
                break;
        }

        return name is null
            ? null
            : new Destination(name, channel, address, template, filter) { Color = color, SendCorrections = sendCorrections };
    }

    private static DestinationFilter ReadFilter(string prefix, Dictionary<string, (string Key, string Value)> fields, List<ConfigurationProblem> problems)
    {
        var filterFields = fields.Where(f => f.Key.StartsWith("Filter:", StringComparison.OrdinalIgnoreCase)).ToList();
        if (fields.TryGetValue("Filter", out var whole))
        {
            if (filterFields.Count > 0)
            {
                problems.Add(new(whole.Key, "give the filter either as one string or as a section (Tags, Categories, Languages, Pattern), not both"));
                return DestinationFilter.Everything;
            }
            if (DestinationFilterParser.TryParse(whole.Value, out var parsed, out var error)) return parsed;
            problems.Add(new(whole.Key, error!));
            return DestinationFilter.Everything;
        }

        var tags = new List<(int, string)>();
        var categories = new List<(int, string)>();
        var languages = new List<(int, string)>();
        string? pattern = null;
        foreach (var (field, (key, value)) in filterFields)
        {
            var parts = field.Split(':');
            var list = parts[1].ToLowerInvariant() switch
            {
                "tags" => tags,
                "categories" => categories,
                "languages" => languages,
                _ => null,
            };
            if (list is not null && parts.Length == 3)
            {
                list.Add((int.TryParse(parts[2], CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue, value.Trim()));
            }
            else if (parts[1].Equals("Pattern", StringComparison.OrdinalIgnoreCase) && parts.Length == 2)
            {
                if (DestinationFilterMatcher.TryValidatePattern(value, out var error)) pattern = value;
                else problems.Add(new(key, error!));
            }
            else
            {
                problems.Add(new(key, "unknown filter key; use Filter:Tags:N, Filter:Categories:N, Filter:Languages:N or Filter:Pattern"));
            }
        }

        static IReadOnlyList<string> Ordered(List<(int Index, string Value)> items) =>
            items.OrderBy(i => i.Index).Select(i => i.Value).Where(v => v.Length > 0).ToList();

        return tags.Count + categories.Count + languages.Count == 0 && pattern is null
            ? DestinationFilter.Everything
            : new DestinationFilter(Ordered(tags), Ordered(categories), Ordered(languages), pattern);
    }

    private static bool TryParseColor(string text, out int color)
    {
        color = 0;
        var hex = text.StartsWith('#') ? text[1..]
            : text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..]
            : null;
        var ok = hex is not null
            ? hex.Length == 6 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out color)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out color);
        return ok && color is >= 0 and <= 0xFFFFFF;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex TelegramUsername();
}
