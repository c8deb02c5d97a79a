namespace Bot.Core.Storage;

/// <summary>Small named values the bot keeps across restarts (the <c>bot_state</c> table), shared by every host on one database.</summary>
public interface IBotStateStore
{
    /// <summary>The value stored under <paramref name="key"/>, or null when there is none.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing what was there.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
