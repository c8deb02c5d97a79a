using Bot.Core.Delivery;

namespace Bot.Core.Admin.Commands;

/// <summary>
/// One admin command with its arguments already read, whichever surface it came from: a chat message
/// (<see cref="AdminChatCommand"/>), an HTTP route or a CLI verb.
/// </summary>
public abstract record AdminRequest
{
    private AdminRequest()
    {
    }

    /// <summary>How the admin asked, as the audit log records it: <c>/pause news</c> from a chat, <c>pause news</c> over HTTP.</summary>
    public required string Asked { get; init; }

    public sealed record Help : AdminRequest;

    public sealed record Status : AdminRequest;

    /// <summary>The <paramref name="Limit"/> most recently received articles.</summary>
    public sealed record Articles(int Limit) : AdminRequest;

    /// <summary>One article's latest version (or <paramref name="Version"/>) with the deliveries of all its versions.</summary>
    public sealed record Article(string Key, int? Version = null) : AdminRequest;

    public sealed record Deliveries(DeliveryQuery Query) : AdminRequest;

    /// <summary>What <paramref name="Key"/> looks like on <paramref name="Channel"/> (any text; an unknown channel is answered as such).</summary>
    public sealed record Preview(string Key, string Channel) : AdminRequest;

    public sealed record Publish(string Key) : AdminRequest;

    /// <summary>Put one dead delivery back in the queue, or every one when <paramref name="DeliveryId"/> is null.</summary>
    public sealed record Retry(long? DeliveryId) : AdminRequest;

    public sealed record Pause(string Destination) : AdminRequest;

    public sealed record Resume(string Destination) : AdminRequest;

    public sealed record Destinations : AdminRequest;

    public sealed record Subscribers : AdminRequest;

    public sealed record Retract(string Key) : AdminRequest;

    /// <summary>A known command with arguments it cannot take; <paramref name="Usage"/> says how to ask.</summary>
    public sealed record Malformed(string Command, string Usage) : AdminRequest;

    public sealed record Unknown(string Command) : AdminRequest;
}
