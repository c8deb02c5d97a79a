namespace Bot.Core.Admin.Replies;

internal sealed class AdminTextBuilder
{
    private readonly List<AdminSpan> _spans = [];

    public AdminTextBuilder Plain(string text) => Add(AdminSpanStyle.Plain, text);

    public AdminTextBuilder Bold(string text) => Add(AdminSpanStyle.Bold, text);

    public AdminTextBuilder Code(string text) => Add(AdminSpanStyle.Code, text);

    public AdminTextBuilder Block(string text) => Add(AdminSpanStyle.Block, text);

    /// <summary>Starts a new line, unless this is the first.</summary>
    public AdminTextBuilder Line() => _spans.Count == 0 ? this : Plain("\n");

    public AdminText Build() => new([.. _spans]);

    private AdminTextBuilder Add(AdminSpanStyle style, string text)
    {
        if (text.Length > 0)
        {
            // Neighbouring plain runs are one: a chat escapes text a run at a time.
            if (style == AdminSpanStyle.Plain && _spans.Count > 0 && _spans[^1].Style == AdminSpanStyle.Plain)
            {
                _spans[^1] = _spans[^1] with { Text = _spans[^1].Text + text };
            }
            else
            {
                _spans.Add(new AdminSpan(style, text));
            }
        }

        return this;
    }
}
