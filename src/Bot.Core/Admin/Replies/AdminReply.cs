using Bot.Core.Admin.Commands;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Storage;

namespace Bot.Core.Admin.Replies;

/// <summary>
/// What an admin command came to, as data. Each surface turns it into its own markup with its own small formatter
/// (Telegram HTML, Discord Markdown, the admin API's JSON, the CLI's lines), so no surface parses another's.
/// </summary>
public abstract record AdminReply
{
    private AdminReply()
    {
    }

    public sealed record Help(IReadOnlyList<AdminMenuEntry> Commands) : AdminReply;

    /// <summary>Each destination with its deliveries by state; <paramref name="StoreUp"/> is false (and the lists empty) when the store did not answer.</summary>
    public sealed record Status(bool StoreUp, IReadOnlyList<AdminDestination> Destinations, IReadOnlyList<DeliveryCount> Counts) : AdminReply;

    /// <summary>Latest versions, most recently received first.</summary>
    public sealed record ArticleList(IReadOnlyList<Article> Articles) : AdminReply;

    /// <summary>An article's latest version and the deliveries of all its versions, newest first.</summary>
    public sealed record ArticleDetail(Article Article, IReadOnlyList<DeliveryRecord> Deliveries) : AdminReply;

    public sealed record DeliveryList(IReadOnlyList<DeliveryRecord> Deliveries) : AdminReply;

    /// <summary>The configured destinations in configuration order, then any the store still remembers.</summary>
    public sealed record DestinationList(IReadOnlyList<AdminDestination> Destinations) : AdminReply;

    /// <summary>A destination paused or resumed, as it is now.</summary>
    public sealed record DestinationChanged(AdminDestination Destination) : AdminReply;

    /// <summary>Dead deliveries queued again: <paramref name="DeliveryId"/> alone, or every one when it is null.</summary>
    public sealed record Requeued(long? DeliveryId, int Count) : AdminReply;

    /// <summary>An article queued again: <paramref name="Deliveries"/> new deliveries to <paramref name="Destinations"/> destinations.</summary>
    public sealed record Republished(string Key, int Version, int Generation, int Destinations, int Deliveries) : AdminReply;

    /// <summary>The article was published again <paramref name="Ago"/> ago (a double tap): nothing new was queued.</summary>
    public sealed record RepublishedMomentsAgo(string Key, int Generation, TimeSpan Ago) : AdminReply;

    /// <summary>Nothing to publish: the article is retracted, or no enabled destination takes it.</summary>
    public sealed record NothingToPublish(string Key, bool ArticleRetracted) : AdminReply;

    /// <summary>A retracted version was stored; the dispatcher deletes the sent messages.</summary>
    public sealed record Retracted(ImportResult Version) : AdminReply;

    public sealed record AlreadyRetracted(string Key, int Version) : AdminReply;

    /// <summary>What <paramref name="Destination"/>'s template makes of the article on <paramref name="Channel"/>; sends nothing.</summary>
    public sealed record Preview(string Channel, string Destination, RenderedMessage Message) : AdminReply;

    /// <summary>Per email list its addresses by state, then the Telegram private chats (null where the bot has none).</summary>
    public sealed record Subscribers(IReadOnlyList<AdminSubscriberList> Lists, AdminChatCounts? Chats) : AdminReply;

    /// <summary>No such article or destination; <paramref name="Version"/> is the article version asked for, if one was.</summary>
    public sealed record NotFound(AdminSubject Subject, string Key, int? Version = null) : AdminReply;

    public sealed record UnknownChannel(string Channel) : AdminReply;

    /// <summary>A command given arguments it cannot take; <paramref name="Text"/> says how to ask.</summary>
    public sealed record Usage(string Command, string Text) : AdminReply;

    public sealed record UnknownCommand(string Command) : AdminReply;

    /// <summary>The caller is not an admin: nothing was done.</summary>
    public sealed record Refused : AdminReply;
}
