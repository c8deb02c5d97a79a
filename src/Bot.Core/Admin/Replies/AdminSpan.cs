namespace Bot.Core.Admin.Replies;

/// <summary>A run of reply text, as written (never escaped: each chat escapes it for its own markup); line breaks are <c>\n</c>.</summary>
public sealed record AdminSpan(AdminSpanStyle Style, string Text);
