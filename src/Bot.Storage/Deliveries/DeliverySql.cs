namespace Bot.Storage.Deliveries;

/// <summary>SQL fragments the outbox's statements share.</summary>
internal static class DeliverySql
{
    /// <summary>The statuses of a delivery that has not ended.</summary>
    public const string Unfinished = "('queued', 'failed', 'sending', 'held')";
}
