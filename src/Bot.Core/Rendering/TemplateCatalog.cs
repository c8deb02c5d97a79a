using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Channels;
using Fluid;

namespace Bot.Core.Rendering;

/// <summary>
/// Every template under a templates folder, parsed once: the channel defaults (<c>telegram/</c>, <c>discord/</c>,
/// <c>email/</c>) and each named set (any other folder). Parsed templates are immutable and safe to render from
/// many threads.
/// </summary>
public sealed partial class TemplateCatalog
{
    private readonly Dictionary<(string Set, string File), TemplateSource> _templates;

    private TemplateCatalog(string root, Dictionary<(string Set, string File), TemplateSource> templates, IReadOnlyList<string> sets)
    {
        Root = root;
        _templates = templates;
        Sets = sets;
    }

    public string Root { get; }

    /// <summary>Named sets: the folders that are not a channel's defaults.</summary>
    public IReadOnlyList<string> Sets { get; }

    public IEnumerable<TemplateSource> Sources => _templates.Values;

    /// <summary>Loads and parses <paramref name="root"/>.</summary>
    /// <exception cref="TemplateCatalogException">A default is missing or a file does not parse.</exception>
    public static TemplateCatalog Load(string root, FluidParser parser)
    {
        var (catalog, problems) = Read(root, parser);
        return problems.Count > 0 ? throw new TemplateCatalogException(problems) : catalog;
    }

    /// <summary>Loads what parses and reports the rest, for <c>bot check</c>.</summary>
    public static (TemplateCatalog Catalog, IReadOnlyList<TemplateProblem> Problems) Read(string root, FluidParser parser)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parser);
        var problems = new List<TemplateProblem>();
        var templates = new Dictionary<(string, string), TemplateSource>();
        var sets = new List<string>();
        if (!Directory.Exists(root))
        {
            problems.Add(new TemplateProblem(root, 1, 1, "templates folder not found"));
            return (new TemplateCatalog(root, templates, sets), problems);
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var set = Path.GetFileName(folder);
            var isDefault = ChannelNames.All.Contains(set);
            if (!isDefault)
            {
                sets.Add(set);
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.liquid").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var channel = TemplateFiles.ChannelOf(name);
                if (channel is null || (isDefault && channel != set))
                {
                    var expected = isDefault ? TemplateFiles.For(set) : TemplateFiles.All;
                    problems.Add(new TemplateProblem(file, 1, 1, $"unknown template file; expected one of {string.Join(", ", expected)}"));
                    continue;
                }

                var text = File.ReadAllText(file);
                if (parser.TryParse(text, out var template, out var error))
                {
                    templates[(set, name)] = new TemplateSource(set, name, file, text, template);
                }
                else
                {
                    problems.Add(ParseProblem(file, error));
                }
            }
        }

        foreach (var channel in ChannelNames.All)
        {
            foreach (var name in TemplateFiles.For(channel))
            {
                var path = Path.Combine(root, channel, name);
                if (!templates.ContainsKey((channel, name)) && !File.Exists(path))
                {
                    problems.Add(new TemplateProblem(path, 1, 1, "default template missing"));
                }
            }
        }

        return (new TemplateCatalog(root, templates, sets), problems);
    }

    public bool HasSet(string name) => Sets.Contains(name, StringComparer.Ordinal);

    /// <summary>The file from <paramref name="set"/> when it has one, else the channel's default.</summary>
    /// <exception cref="InvalidOperationException">The set does not exist (a configuration error <c>bot check</c> reports).</exception>
    public TemplateSource Get(string? set, string fileName)
    {
        var channel = TemplateFiles.ChannelOf(fileName) ?? throw new ArgumentException($"unknown template file {fileName}", nameof(fileName));
        if (!string.IsNullOrEmpty(set) && set != channel)
        {
            if (!HasSet(set))
            {
                throw new InvalidOperationException($"template set '{set}' not found under {Root}");
            }

            if (_templates.TryGetValue((set, fileName), out var own))
            {
                return own;
            }
        }

        return _templates.TryGetValue((channel, fileName), out var fallback)
            ? fallback
            : throw new InvalidOperationException($"default template {Path.Combine(Root, channel, fileName)} missing");
    }

    internal static TemplateProblem ParseProblem(string path, string error)
    {
        // Fluid reports "message at (line:col)" followed by the offending source line.
        var firstLine = error.Split('\n')[0].Trim();
        var match = Position().Match(firstLine);
        if (!match.Success)
        {
            return new TemplateProblem(path, 1, 1, firstLine);
        }

        var message = firstLine[..match.Index].TrimEnd();
        return new TemplateProblem(
            path,
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            message);
    }

    [GeneratedRegex(@"\s*at \((\d+):(\d+)\)\s*$")]
    private static partial Regex Position();
}
