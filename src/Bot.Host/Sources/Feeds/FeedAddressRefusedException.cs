namespace Bot.Host.Sources.Feeds;

/// <summary>A feed connection refused because every address of the host is non-public; the message is the one-line reason.</summary>
public sealed class FeedAddressRefusedException(string message) : IOException(message);
