using Bot.Core.Delivery.Planning;

namespace Bot.Core.Delivery.Store;

/// <summary>
/// What the planning round reads and writes: which article versions wait to be planned, a claim so that one planner
/// at a time plans a version, each thread's history, and the deliveries a plan creates.
/// </summary>
public interface IPlanningStore
{
    /// <summary>
    /// Article versions imported but not yet planned, oldest first, and only the earliest unplanned version of each
    /// article: a later version's plan depends on what the earlier one created.
    /// </summary>
    Task<IReadOnlyList<ArticleVersionRef>> ListUnplannedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the right to plan a version until <paramref name="leaseUntil"/>; false when another planner holds a live
    /// claim on it or it is planned already.
    /// </summary>
    Task<bool> TryClaimPlanningAsync(ArticleVersionRef version, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records that a version's deliveries all exist, so it is not planned again, and ends its claim.</summary>
    Task MarkPlannedAsync(ArticleVersionRef version, CancellationToken cancellationToken);

    /// <summary>
    /// The state of each announcement thread (destination × generation) of an article over its versions before
    /// <paramref name="beforeVersion"/>: a version's own deliveries must not count, or planning it again would turn
    /// its announcement into an edit.
    /// </summary>
    Task<AnnouncementHistory> GetHistoryAsync(string articleKey, int beforeVersion, CancellationToken cancellationToken);

    /// <summary>Creates deliveries, ignoring any that exist already; held when the destination is paused. Returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Creates one page of a fan-out: deliveries for the next <paramref name="pageSize"/> recipients after
    /// <paramref name="afterId"/> in ascending id order.
    /// </summary>
    Task<FanOutProgress> FanOutAsync(PlannedFanOut fanOut, long afterId, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the article's announcements, edits and corrections that have not gone out (queued, failed or held). One
    /// that an interrupted attempt left partly delivered stays: its next attempt deletes those parts
    /// (<see cref="Sending.SendOperation.Withdraw"/>).
    /// </summary>
    Task<int> CancelPendingAsync(string articleKey, string reason, CancellationToken cancellationToken);
}
