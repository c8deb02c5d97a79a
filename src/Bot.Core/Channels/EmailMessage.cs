using Bot.Core.Articles;

namespace Bot.Core.Channels;

/// <summary>One personalised email, ready to be wrapped into MIME by the email channel.</summary>
public sealed record EmailMessage(
    string To,
    string? ToName,
    string Subject,
    string HtmlBody,
    string TextBody,
    string Language,
    TextDirection Direction,
    string? UnsubscribeUrl) : RenderedMessage;
