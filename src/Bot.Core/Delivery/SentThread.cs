namespace Bot.Core.Delivery;

/// <summary>The last delivery of a thread that went out: what it did, which version it showed, and the messages it left.</summary>
/// <param name="Kind">Announce, Edit or Correction (the messages show <paramref name="Version"/>), or Delete (nothing is left).</param>
public sealed record SentThread(DeliveryKind Kind, int Version, IReadOnlyList<string> RemoteIds);
