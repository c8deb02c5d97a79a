using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Bot.Core.Articles;

/// <summary>Reads the YAML front matter of a Markdown article into a draft (without paragraphs).</summary>
internal static class FrontMatterReader
{
    /// <summary>Front matter needs two levels (a mapping holding a tag list); anything far deeper is not an article.</summary>
    private const int MaxDepth = 16;

    /// <summary>Longest front matter, in UTF-16 code units: a few fields, not a document.</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>Most YAML events (scalars, aliases, starts and ends of lists and mappings) read before loading.</summary>
    public const int MaxEvents = 10_000;

    /// <param name="yaml">The lines between the two <c>---</c> lines.</param>
    /// <param name="firstLine">The file line the YAML starts on, so errors point into the file, not the fragment.</param>
    /// <param name="work">Counts the characters and YAML events read.</param>
    /// <remarks>
    /// Aliases are never expanded: the loaded model points an alias at the node it names, and only the top mapping
    /// and one level of tags are read from it, so "billion laughs" front matter costs its own size.
    /// </remarks>
    public static bool TryRead(string yaml, int firstLine, WorkCounter work, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason)
    {
        draft = null;
        var stream = new YamlStream();
        try
        {
            if (yaml.Length > MaxChars)
            {
                reason = $"front matter is {yaml.Length} characters; the limit is {MaxChars}";
                return false;
            }

            work.Add(yaml.Length);
            var (depth, events) = Measure(yaml, work);
            if (depth > MaxDepth)
            {
                reason = $"front matter: nested more than {MaxDepth} levels deep";
                return false;
            }

            if (events > MaxEvents)
            {
                reason = $"front matter: more than {MaxEvents} values";
                return false;
            }

            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            reason = e.Start.Line > 0
                ? $"front matter: (line {e.Start.Line + firstLine - 1}, col {e.Start.Column}) {e.Message}"
                : $"front matter: {e.Message}";
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 18.1 throws these instead of a YamlException for some unterminated flow
            // collections, e.g. "tags: [a, b" followed by another key, and for a document that ends
            // inside a mapping's key (found by the property tests).
            reason = "front matter: invalid YAML (is a bracket or quote left open?)";
            return false;
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            draft = new ArticleDraft();
            reason = null;
            return true;
        }

        if (root is not YamlMappingNode mapping)
        {
            reason = $"front matter: must be a mapping of keys to values, found {Describe(root)}";
            return false;
        }

        var result = new ArticleDraft();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (key is null) continue;
            if (!TryApply(ref result, key, value, out reason)) return false;
        }

        draft = result;
        reason = null;
        return true;
    }

    private static bool TryApply(ref ArticleDraft draft, string key, YamlNode value, [NotNullWhen(false)] out string? reason)
    {
        reason = null;
        var scalar = value as YamlScalarNode;
        var text = scalar is null || IsNull(scalar) ? null : scalar.Value;
        if (ArticleFieldRules.TextFields.Contains(key))
        {
            if (scalar is null)
            {
                reason = ArticleFieldRules.MustBeString(key);
                return false;
            }

            draft = ArticleFieldRules.WithText(draft, key, text);
            return true;
        }

        switch (key)
        {
            case "tags" when value is YamlSequenceNode sequence:
                var tags = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is not YamlScalarNode tag)
                    {
                        reason = ArticleFieldRules.TagsMessage;
                        return false;
                    }

                    if (!string.IsNullOrWhiteSpace(tag.Value) && !IsNull(tag)) tags.Add(tag.Value.Trim());
                }

                draft = draft with { Tags = tags };
                return true;
            case "tags" when scalar is not null:
                draft = draft with { Tags = text is null ? [] : ArticleFieldRules.SplitTags(text) };
                return true;
            case "tags":
                reason = ArticleFieldRules.TagsMessage;
                return false;
            case "language" or "published" or "retracted" when scalar is null:
                reason = key == "retracted" ? ArticleFieldRules.MustBeBoolean(key) : ArticleFieldRules.MustBeString(key);
                return false;
            case "language" when text is not null:
                if (!ArticleFieldRules.TryLanguage(text, out var language, out reason)) return false;
                draft = draft with { Language = language };
                return true;
            case "published" when text is not null:
                if (!ArticleFieldRules.TryPublished(text, out var published, out reason)) return false;
                draft = draft with { Published = published };
                return true;
            case "retracted" when text is not null:
                if (!bool.TryParse(text.Trim(), out var retracted))
                {
                    reason = ArticleFieldRules.MustBeBoolean(key);
                    return false;
                }

                draft = draft with { Retracted = retracted };
                return true;
            default:
                // Unknown keys and empty values are ignored: a desk may add its own fields.
                return true;
        }
    }

    /// <summary>
    /// The deepest nesting of lists and mappings and the number of events, read from the event stream, which is
    /// not recursive. YamlStream.Load recurses once per level, so "tags: [[[[…" a few hundred thousand deep
    /// overflows the stack and kills the process instead of throwing. Stops as soon as a limit is passed.
    /// </summary>
    private static (int Depth, int Events) Measure(string yaml, WorkCounter work)
    {
        var parser = new Parser(new StringReader(yaml));
        int depth = 0, deepest = 0, events = 0;
        while (parser.MoveNext())
        {
            work.Add(1);
            if (++events > MaxEvents) break;
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    deepest = Math.Max(deepest, ++depth);
                    if (deepest > MaxDepth) return (deepest, events);
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        return (deepest, events);
    }

    private static bool IsNull(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlScalarNode => "a single value",
        _ => "something else",
    };
}
