namespace Bot.Host.Sources.Feeds;

/// <summary>How a feed is named in logs: its URL without user info, query or fragment, which may carry keys.</summary>
public static class FeedAddress
{
    public static string ForLog(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped)
            : "(invalid feed URL)";
}
