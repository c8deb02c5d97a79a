using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.IntegrationTests.Support;

/// <summary>One sample line: its name (with any <c>_bucket</c>, <c>_sum</c>, <c>_count</c>), labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Has(params (string Name, string Value)[] labels) =>
        labels.Length == Labels.Count && labels.All(l => Labels.TryGetValue(l.Name, out var v) && v == l.Value);
}

/// <summary>A metric family: its <c># TYPE</c>, <c># HELP</c> and samples in order.</summary>
public sealed record PrometheusFamily(string Name, string Type, string? Help, IReadOnlyList<PrometheusSample> Samples);

/// <summary>
/// A strict reader of the Prometheus text exposition format (version 0.0.4), as a Prometheus server reads a scrape:
/// it throws on anything the server would refuse (a bad name or label, an unescaped value, a second TYPE, a family
/// split in two, a repeated series, a sample before its TYPE) and checks every histogram's buckets (a <c>le</c> on
/// each, cumulative, a <c>+Inf</c> bucket equal to <c>_count</c>, a <c>_sum</c>).
/// </summary>
public sealed partial class PrometheusText
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusText(IReadOnlyDictionary<string, PrometheusFamily> families) => Families = families;

    public IReadOnlyDictionary<string, PrometheusFamily> Families { get; }

    /// <summary>The value of the one sample named <paramref name="name"/> with exactly these labels.</summary>
    public double Value(string name, params (string Name, string Value)[] labels)
    {
        var found = Families.Values.SelectMany(f => f.Samples).Where(s => s.Name == name && s.Has(labels)).ToList();
        return found.Count == 1
            ? found[0].Value
            : throw new InvalidOperationException($"{found.Count} samples {name}{{{string.Join(',', labels.Select(l => $"{l.Name}=\"{l.Value}\""))}}}");
    }

    /// <summary>Whether any sample is named <paramref name="name"/>.</summary>
    public bool Has(string name) => Families.Values.Any(f => f.Samples.Any(s => s.Name == name));

    public static PrometheusText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\r', StringComparison.Ordinal)) throw new FormatException("carriage return in the exposition");
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, List<PrometheusSample>>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n');
        if (lines[^1].Length != 0) throw new FormatException("the exposition must end with a line feed");
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            string Where() => $"line {i + 1}: {line}";
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[1] is "TYPE" or "HELP")
                {
                    var family = parts[2];
                    if (!IsName(family)) throw new FormatException("bad metric name, " + Where());
                    if (samples.ContainsKey(family)) throw new FormatException($"{parts[1]} after samples of {family}, " + Where());
                    if (parts[1] == "TYPE")
                    {
                        if (parts.Length != 4 || !Types.Contains(parts[3])) throw new FormatException("bad type, " + Where());
                        if (!types.TryAdd(family, parts[3])) throw new FormatException("second TYPE, " + Where());
                    }
                    else if (!helps.TryAdd(family, parts.Length == 4 ? parts[3] : ""))
                    {
                        throw new FormatException("second HELP, " + Where());
                    }
                }

                continue;
            }

            var sample = ReadSample(line) ?? throw new FormatException("not a sample, " + Where());
            var owner = FamilyOf(sample.Name, types);
            if (owner != current)
            {
                if (current is not null) finished.Add(current);
                if (finished.Contains(owner)) throw new FormatException($"{owner} split in two groups, " + Where());
                current = owner;
            }

            var id = sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!series.Add(id)) throw new FormatException("repeated series, " + Where());
            if (!samples.TryGetValue(owner, out var list)) samples[owner] = list = [];
            list.Add(sample);
        }

        var families = samples.ToDictionary(
            s => s.Key,
            s => new PrometheusFamily(s.Key, types.GetValueOrDefault(s.Key, "untyped"), helps.GetValueOrDefault(s.Key), s.Value),
            StringComparer.Ordinal);
        foreach (var histogram in families.Values.Where(f => f.Type == "histogram")) CheckHistogram(histogram);
        return new PrometheusText(families);
    }

    private static string FamilyOf(string name, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.GetValueOrDefault(name[..^suffix.Length]) is "histogram" or "summary"
                && (suffix != "_bucket" || types[name[..^suffix.Length]] == "histogram"))
            {
                return name[..^suffix.Length];
            }
        }

        if (types.GetValueOrDefault(name) is "histogram") throw new FormatException($"{name}: a histogram has only _bucket, _sum and _count samples");
        return name;
    }

    private static void CheckHistogram(PrometheusFamily family)
    {
        string Key(PrometheusSample s) => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
        foreach (var group in family.Samples.GroupBy(Key))
        {
            var buckets = group.Where(s => s.Name == family.Name + "_bucket").ToList();
            if (buckets.Any(b => !b.Labels.ContainsKey("le"))) throw new FormatException($"{family.Name}{{{group.Key}}}: a bucket without le");
            var bounds = buckets.Select(b => (Bound: ParseValue(b.Labels["le"]) ?? throw new FormatException($"{family.Name}: le {b.Labels["le"]}"), b.Value)).ToList();
            if (bounds.Count == 0 || !double.IsPositiveInfinity(bounds[^1].Bound)) throw new FormatException($"{family.Name}{{{group.Key}}}: no +Inf bucket last");
            for (var i = 1; i < bounds.Count; i++)
            {
                if (bounds[i].Bound <= bounds[i - 1].Bound || bounds[i].Value < bounds[i - 1].Value)
                {
                    throw new FormatException($"{family.Name}{{{group.Key}}}: buckets not ascending and cumulative");
                }
            }

            var count = group.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"{family.Name}{{{group.Key}}}: no _count");
            _ = group.SingleOrDefault(s => s.Name == family.Name + "_sum") ?? throw new FormatException($"{family.Name}{{{group.Key}}}: no _sum");
            if (count.Value != bounds[^1].Value) throw new FormatException($"{family.Name}{{{group.Key}}}: +Inf bucket {bounds[^1].Value} is not _count {count.Value}");
        }
    }

    private static PrometheusSample? ReadSample(string line)
    {
        var name = MetricName().Match(line);
        if (!name.Success || name.Index != 0) return null;
        var position = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (position < line.Length && line[position] != '}')
            {
                var label = LabelName().Match(line, position);
                if (!label.Success || label.Index != position) return null;
                position += label.Length;
                if (position + 1 >= line.Length || line[position] != '=' || line[position + 1] != '"') return null;
                position += 2;
                var value = new StringBuilder();
                while (true)
                {
                    if (position >= line.Length) return null;
                    var c = line[position++];
                    if (c == '"') break;
                    if (c != '\\')
                    {
                        value.Append(c);
                        continue;
                    }

                    if (position >= line.Length) return null;
                    value.Append(line[position++] switch { '\\' => '\\', '"' => '"', 'n' => '\n', _ => '\0' });
                    if (value[^1] == '\0') return null;
                }

                if (!labels.TryAdd(label.Value, value.ToString())) return null;
                if (position < line.Length && line[position] == ',') position++;
            }

            if (position >= line.Length) return null;
            position++;
        }

        if (position >= line.Length || line[position] != ' ') return null;
        var rest = line[(position + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2 || ParseValue(rest[0]) is not { } number) return null;
        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return null;
        return new PrometheusSample(name.Value, labels, number);
    }

    private static double? ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    private static bool IsName(string text) => MetricName().Match(text) is { Success: true, Index: 0 } m && m.Length == text.Length;

    [GeneratedRegex("[a-zA-Z_:][a-zA-Z0-9_:]*", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [GeneratedRegex("[a-zA-Z_][a-zA-Z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
