using Bot.Core.Channels;
using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>What one configured destination shows for an article, rendered by its own templates.</summary>
/// <param name="Matches">Whether the destination's filter takes the article; a preview is shown either way.</param>
/// <param name="Message">The rendered message; null when rendering failed.</param>
/// <param name="Error">Why rendering failed.</param>
public sealed record ChannelPreview(Destination Destination, bool Matches, RenderedMessage? Message, string? Error);
