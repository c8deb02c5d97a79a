using System.Globalization;
using System.Text;

namespace Bot.Core.Rendering;

/// <summary>
/// Cuts Telegram HTML into messages that each fit the Bot API limits, counted the way Telegram counts: Unicode code
/// points of the parsed text (tags removed, an entity is one character), and UTF-8 bytes of the raw markup.
/// </summary>
/// <remarks>
/// Works on the token stream, never on the markup string, so a cut can never land inside a tag or an entity; the
/// text is cut only between grapheme clusters (emoji ZWJ sequences, flags, combining marks stay whole). Formatting
/// open at a cut is closed at the end of the part and reopened, with its original attributes, at the start of the
/// next, so every part parses on its own. Tags sitting exactly at a cut go where they belong: closing tags stay with
/// the text they close, opening tags move to the text they open.
/// </remarks>
public static class TelegramHtmlSplitter
{
    /// <summary>sendMessage text limit after entity parsing.</summary>
    public const int TextLimit = 4096;

    /// <summary>Photo caption limit after entity parsing.</summary>
    public const int CaptionLimit = 1024;

    /// <summary>Raw text limit before parsing, in UTF-8 bytes.</summary>
    public const int RawByteLimit = 32768;

    /// <summary>Splits <paramref name="html"/>; the first part is held to <paramref name="firstLimit"/>, the rest to <paramref name="limit"/>.</summary>
    /// <exception cref="TelegramHtmlException">The markup is not valid Telegram HTML.</exception>
    public static IReadOnlyList<TextPart> Split(string html, int firstLimit = TextLimit, int limit = TextLimit, int rawByteLimit = RawByteLimit)
    {
        var tokens = TelegramHtmlTokenizer.Tokenize(html);
        var whole = Whole(html, tokens);
        if ((whole.Text.Length <= firstLimit || CodePoints(whole.Text) <= firstLimit)
            && Encoding.UTF8.GetByteCount(whole.Markup) <= rawByteLimit)
        {
            return [whole];
        }

        return new Cutter(tokens, rawByteLimit).Run(firstLimit, limit);
    }

    internal static int CodePoints(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    private static TextPart Whole(string html, IReadOnlyList<TelegramHtmlToken> tokens)
    {
        var rawLength = 0;
        var textParts = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            rawLength += tokens[i].Raw.Length;
            textParts[i] = tokens[i].Text;
        }

        // Escaping a stray character only ever lengthens the markup, so equal lengths mean it is the input unchanged.
        var markup = rawLength == html.Length ? html : string.Concat(tokens.Select(t => t.Raw));
        return new TextPart(markup, string.Concat(textParts));
    }

    private readonly record struct Tag(int Position, bool IsStart, string Raw, string Name)
    {
        public string Closing => "</" + Name + ">";
    }

    private sealed class Cutter
    {
        private readonly int _rawByteLimit;
        private readonly List<string> _text = [];
        private readonly List<string> _markup = [];
        private readonly List<int> _codePoints = [];
        private readonly List<int> _bytes = [];
        private readonly List<Tag> _tags = [];

        public Cutter(IReadOnlyList<TelegramHtmlToken> tokens, int rawByteLimit)
        {
            _rawByteLimit = rawByteLimit;
            foreach (var token in tokens)
            {
                if (token.Kind == TelegramHtmlTokenKind.Text)
                {
                    AddAtoms(token);
                }
                else
                {
                    _tags.Add(new Tag(_text.Count, token.Kind == TelegramHtmlTokenKind.StartTag, token.Raw, token.Name!));
                }
            }
        }

        public IReadOnlyList<TextPart> Run(int firstLimit, int limit)
        {
            var ranks = SplitPoints.Rank(_text);
            var parts = new List<TextPart>();
            var open = new List<Tag>();
            var tagIndex = 0;
            var start = 0;
            var count = _text.Count;
            while (start < count)
            {
                var budget = parts.Count == 0 ? firstLimit : limit;
                var maxEnd = MaxEnd(start, budget, open, tagIndex);
                var end = SplitPoints.Choose(ranks, start, maxEnd, count);
                parts.Add(Build(start, end, open, ref tagIndex));
                start = end;
            }

            return parts;
        }

        private void AddAtoms(TelegramHtmlToken token)
        {
            // Maps each char of the decoded text to where its source starts in the raw run, so a grapheme cluster
            // made of entities (e&#769;) keeps its exact markup.
            var rawStart = new int[token.Text.Length + 1];
            var raw = token.Raw;
            int r = 0, t = 0;
            while (r < raw.Length)
            {
                var length = 1;
                var decoded = 1;
                if (raw[r] == '&')
                {
                    (var s, length) = TelegramHtmlTokenizer.DecodeEntity(raw, r);
                    decoded = s.Length;
                }

                for (var k = 0; k < decoded; k++)
                {
                    rawStart[t + k] = r;
                }

                t += decoded;
                r += length;
            }

            rawStart[token.Text.Length] = raw.Length;
            var text = token.Text.AsSpan();
            var i = 0;
            while (i < text.Length)
            {
                var n = StringInfo.GetNextTextElementLength(text[i..]);
                var atomText = token.Text.Substring(i, n);
                var atomMarkup = raw[rawStart[i]..rawStart[i + n]];
                _text.Add(atomText);
                _markup.Add(atomMarkup);
                _codePoints.Add(CodePoints(atomText));
                _bytes.Add(Encoding.UTF8.GetByteCount(atomMarkup));
                i += n;
            }
        }

        /// <summary>The furthest end whose part fits both limits; at least one atom, so the loop always advances.</summary>
        private int MaxEnd(int start, int budget, List<Tag> open, int tagIndex)
        {
            var stack = new List<Tag>(open);
            var bytes = 0;
            var closeBytes = 0;
            foreach (var tag in stack)
            {
                bytes += Encoding.UTF8.GetByteCount(tag.Raw);
                closeBytes += tag.Closing.Length;
            }

            var codePoints = 0;
            var best = start + 1;
            var ti = tagIndex;
            for (var p = start; p < _text.Count; p++)
            {
                for (; ti < _tags.Count && _tags[ti].Position == p; ti++)
                {
                    var tag = _tags[ti];
                    bytes += Encoding.UTF8.GetByteCount(tag.Raw);
                    if (tag.IsStart)
                    {
                        stack.Add(tag);
                        closeBytes += tag.Closing.Length;
                    }
                    else
                    {
                        closeBytes -= stack[^1].Closing.Length;
                        stack.RemoveAt(stack.Count - 1);
                    }
                }

                codePoints += _codePoints[p];
                bytes += _bytes[p];
                if (codePoints > budget || bytes + closeBytes > _rawByteLimit)
                {
                    return p == start ? start + 1 : best;
                }

                best = p + 1;
            }

            return _text.Count;
        }

        private TextPart Build(int start, int end, List<Tag> open, ref int tagIndex)
        {
            var markup = new StringBuilder();
            var text = new StringBuilder();
            foreach (var tag in open)
            {
                markup.Append(tag.Raw);
            }

            for (var p = start; p < end; p++)
            {
                for (; tagIndex < _tags.Count && _tags[tagIndex].Position == p; tagIndex++)
                {
                    Apply(_tags[tagIndex], markup, open);
                }

                markup.Append(_markup[p]);
                text.Append(_text[p]);
            }

            // Tags between the last atom of this part and the first of the next: the closing ones before the first
            // opening one belong here; from that opening tag on they belong to the next part.
            var last = end == _text.Count;
            for (; tagIndex < _tags.Count && _tags[tagIndex].Position == end && (last || !_tags[tagIndex].IsStart); tagIndex++)
            {
                Apply(_tags[tagIndex], markup, open);
            }

            for (var k = open.Count - 1; k >= 0; k--)
            {
                markup.Append(open[k].Closing);
            }

            return new TextPart(markup.ToString(), text.ToString());
        }

        private static void Apply(Tag tag, StringBuilder markup, List<Tag> open)
        {
            markup.Append(tag.Raw);
            if (tag.IsStart)
            {
                open.Add(tag);
            }
            else
            {
                open.RemoveAt(open.Count - 1);
            }
        }
    }
}
