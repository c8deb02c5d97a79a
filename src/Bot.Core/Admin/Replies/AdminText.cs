namespace Bot.Core.Admin.Replies;

/// <summary>
/// A reply's wording for a chat, in no markup at all: styled runs of plain text that Telegram renders as HTML and
/// Discord as Markdown, each with its own escaping.
/// </summary>
public sealed record AdminText(IReadOnlyList<AdminSpan> Spans)
{
    /// <summary>The words alone, as a reader sees them.</summary>
    public override string ToString() => string.Concat(Spans.Select(s => s.Text));
}
