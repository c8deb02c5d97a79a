namespace Bot.Core.Delivery.Republishing;

/// <summary>What a re-publish request came to. Every case is an expected answer for the admin, not an error.</summary>
public abstract record RepublishResult
{
    private RepublishResult()
    {
    }

    /// <summary>New announcements were queued: <paramref name="Deliveries"/> to <paramref name="Destinations"/> destinations.</summary>
    public sealed record Queued(string ArticleKey, int Version, int Generation, int Destinations, int Deliveries) : RepublishResult;

    /// <summary>The same article was re-published moments ago (a double tap): nothing new was queued.</summary>
    public sealed record AlreadyQueued(string ArticleKey, int Generation, DateTimeOffset At) : RepublishResult;

    public sealed record NotFound(string ArticleKey) : RepublishResult;

    public sealed record Retracted(string ArticleKey) : RepublishResult;

    /// <summary>No enabled destination's filter matches the article.</summary>
    public sealed record NoDestination(string ArticleKey) : RepublishResult;
}
