using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Bot.Core.Channels;

namespace Bot.Core.Rendering;

/// <summary>
/// An email rendered once with stand-in values for the subscriber, cut where those values appear, so that each
/// subscriber's message is the cut text with that subscriber's values escaped into the cuts. It is built only when
/// that provably gives what rendering would: a second rendering with other stand-ins — values full of characters the
/// templates escape — must come out exactly as the cut text filled with them. A template that transforms a subscriber
/// value (a filter) or escapes it otherwise (<c>| raw</c>) fails that test and keeps rendering per subscriber.
/// The bodies are filled as <see cref="SplicedBody"/>: UTF-8 copied from pieces encoded once, not strings.
/// </summary>
internal sealed class EmailSkeleton
{
    private static readonly StandIn Plain = new("zq7xmember.a@zq7x-probe.invalid", "Zq7xMemberA", "https://zq7x-probe.invalid/unsubscribe/Zq7xTokenA");
    private static readonly StandIn Escaped = new("o'b&zq7x+b@zq7x-probe.invalid", "Zoë & <O'Brien> \"B\"", "https://zq7x-probe.invalid/u?t=Zq7x'B&l=<b>");

    private readonly EmailMessage _template;
    private readonly Text _subject;
    private readonly Text _html;
    private readonly Text _text;

    private EmailSkeleton(EmailMessage template, Text subject, Text html, Text text)
    {
        _template = template;
        _subject = subject;
        _html = html;
        _text = text;
    }

    /// <summary>The skeleton for subscribers with (or without) a name and an unsubscribe link; null when the templates do not allow one.</summary>
    public static EmailSkeleton? TryBuild(PreparedEmail email, bool hasName, bool hasUnsubscribe)
    {
        var plain = email.Personalise(Plain.Recipient(hasName, hasUnsubscribe));
        var skeleton = new EmailSkeleton(
            plain,
            Text.Cut(plain.Subject, Plain, NullEncoder.Default),
            Text.Cut(plain.HtmlBody, Plain, HtmlTextEncoder.Email),
            Text.Cut(plain.TextBody, Plain, NullEncoder.Default));

        var check = Escaped.Recipient(hasName, hasUnsubscribe);
        var rendered = email.Personalise(check);
        var filled = skeleton.Fill(check);
        return filled == rendered && SameUtf8(filled.SplicedHtml()!, rendered.HtmlBody) && SameUtf8(filled.SplicedText()!, rendered.TextBody)
            ? skeleton
            : null;
    }

    /// <summary>
    /// Whether a subscriber's values go through the cuts unchanged by the tidying that follows rendering (runs of
    /// white space, line breaks and control characters are changed there), so filling gives what rendering gives,
    /// and are well-formed UTF-16, so their UTF-8 between the pieces' is the UTF-8 of the whole.
    /// </summary>
    public static bool Fits(EmailRecipient recipient) =>
        Tidy(recipient.Email) && (recipient.Name is null || Tidy(recipient.Name)) && (recipient.UnsubscribeUrl is null || Tidy(recipient.UnsubscribeUrl));

    /// <summary>The email for <paramref name="recipient"/>.</summary>
    public EmailMessage Fill(EmailRecipient recipient) => new(
        recipient.Email,
        recipient.Name,
        _subject.Fill(recipient, NullEncoder.Default),
        _html.Splice(recipient, HtmlTextEncoder.Email),
        _text.Splice(recipient, NullEncoder.Default),
        _template.Language,
        _template.Direction,
        recipient.UnsubscribeUrl);

    private static bool SameUtf8(SplicedBody body, string text)
    {
        var bytes = new byte[body.Utf8Length];
        body.CopyUtf8To(bytes);
        return bytes.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(text));
    }

    private static bool Tidy(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ') return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || (char.IsWhiteSpace(c) && (c != ' ' || value[i - 1] == ' '))) return false;
            if (char.IsLowSurrogate(c)) return false;
            if (char.IsHighSurrogate(c) && (++i == value.Length || !char.IsLowSurrogate(value[i]))) return false;
        }
        return true;
    }

    private sealed record StandIn(string Email, string Name, string Unsubscribe)
    {
        public EmailRecipient Recipient(bool hasName, bool hasUnsubscribe) =>
            new(Email, hasName ? Name : null, hasUnsubscribe ? Unsubscribe : null);
    }

    private enum Slot
    {
        Email,
        Name,
        Unsubscribe,
    }

    /// <summary>One rendered text as literal pieces with subscriber values between them.</summary>
    private sealed class Text(string[] pieces, Slot[] slots)
    {
        private readonly byte[][] _utf8Pieces = [.. pieces.Select(Encoding.UTF8.GetBytes)];

        public static Text Cut(string rendered, StandIn standIn, TextEncoder encoder)
        {
            var needles = new[] { (Slot.Unsubscribe, encoder.Encode(standIn.Unsubscribe)), (Slot.Email, encoder.Encode(standIn.Email)), (Slot.Name, encoder.Encode(standIn.Name)) };
            var pieces = new List<string>();
            var slots = new List<Slot>();
            var start = 0;
            while (true)
            {
                var (at, slot, length) = (-1, Slot.Email, 0);
                foreach (var (candidate, needle) in needles)
                {
                    var found = rendered.IndexOf(needle, start, StringComparison.Ordinal);
                    if (found >= 0 && (at < 0 || found < at)) (at, slot, length) = (found, candidate, needle.Length);
                }
                if (at < 0) break;
                pieces.Add(rendered[start..at]);
                slots.Add(slot);
                start = at + length;
            }
            pieces.Add(rendered[start..]);
            return new Text([.. pieces], [.. slots]);
        }

        public string Fill(EmailRecipient recipient, TextEncoder encoder) => Fill(Values(recipient, encoder));

        public SplicedBody Splice(EmailRecipient recipient, TextEncoder encoder) => new Spliced(this, Values(recipient, encoder));

        /// <summary>The recipient's values as the template escapes them, by <see cref="Slot"/>; null where no cut takes one.</summary>
        private string?[] Values(EmailRecipient recipient, TextEncoder encoder)
        {
            var values = new string?[3];
            foreach (var slot in slots)
            {
                values[(int)slot] ??= encoder.Encode(slot switch
                {
                    Slot.Email => recipient.Email,
                    Slot.Name => recipient.Name ?? "",
                    _ => recipient.UnsubscribeUrl ?? "",
                });
            }
            return values;
        }

        private string Fill(string?[] values)
        {
            if (slots.Length == 0) return pieces[0];
            var length = 0;
            foreach (var piece in pieces) length += piece.Length;
            foreach (var slot in slots) length += values[(int)slot]!.Length;

            // Made in place at its exact length: a builder's buffer and then its copy doubled what a message allocated.
            return string.Create(length, (pieces, slots, values), static (span, state) =>
            {
                var (pieces, slots, values) = state;
                var at = 0;
                for (var i = 0; i < slots.Length; i++)
                {
                    pieces[i].CopyTo(span[at..]);
                    at += pieces[i].Length;
                    var value = values[(int)slots[i]]!;
                    value.CopyTo(span[at..]);
                    at += value.Length;
                }
                pieces[^1].CopyTo(span[at..]);
            });
        }

        /// <summary>The text filled for one subscriber: the pieces' UTF-8 with the values' between them.</summary>
        private sealed class Spliced : SplicedBody
        {
            private readonly Text _text;
            private readonly string?[] _values;
            private readonly byte[]?[] _utf8Values;

            public Spliced(Text text, string?[] values)
            {
                _text = text;
                _values = values;
                _utf8Values = [.. values.Select(value => value is null ? null : Encoding.UTF8.GetBytes(value))];
                var length = 0;
                foreach (var piece in text._utf8Pieces) length += piece.Length;
                foreach (var slot in text.Slots) length += _utf8Values[(int)slot]!.Length;
                Utf8Length = length;
            }

            public override int Utf8Length { get; }

            public override void CopyUtf8To(Span<byte> destination)
            {
                var pieces = _text._utf8Pieces;
                var at = 0;
                for (var i = 0; i < _text.Slots.Length; i++)
                {
                    pieces[i].CopyTo(destination[at..]);
                    at += pieces[i].Length;
                    var value = _utf8Values[(int)_text.Slots[i]]!;
                    value.CopyTo(destination[at..]);
                    at += value.Length;
                }
                pieces[^1].CopyTo(destination[at..]);
            }

            public override string ToString() => _text.Fill(_values);
        }

        private Slot[] Slots => slots;
    }
}
