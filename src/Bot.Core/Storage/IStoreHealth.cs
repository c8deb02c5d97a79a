namespace Bot.Core.Storage;

/// <summary>Schema set-up and liveness of the store.</summary>
public interface IStoreHealth
{
    /// <summary>Creates the database if needed and applies pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when the store answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
