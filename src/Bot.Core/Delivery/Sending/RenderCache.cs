using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Rendering;

namespace Bot.Core.Delivery.Sending;

/// <summary>
/// Each article version rendered once per destination, however many recipients it goes to: a fan-out to a list or to
/// the private-chat subscribers renders its templates once, and each member's message only gets its own values.
/// </summary>
public sealed class RenderCache(IMessageRenderer renderer)
{
    private const int Capacity = 256;

    private readonly ConcurrentDictionary<(string Key, int Version, string Destination), Lazy<PreparedMessage>> _prepared = new();

    public PreparedMessage Get(Article article, Destination destination)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(destination);
        if (_prepared.Count >= Capacity) _prepared.Clear();
        return _prepared.GetOrAdd(
            (article.Key, article.Version, destination.Name),
            _ => new Lazy<PreparedMessage>(() => renderer.Prepare(article, destination))).Value;
    }
}
