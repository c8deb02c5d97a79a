using Bot.Core.Storage;

namespace Bot.Core.Hosts;

/// <summary>
/// The bot's state as one singleton's work sees it (the getUpdates offset, the gateway's resume state): reads as usual,
/// writes only while this host holds the singleton, fenced by its term, so a poller that was taken over while it
/// stalled cannot move the offset back under the new one.
/// </summary>
public sealed class FencedStateStore(ILeaderElector elector, string singleton, IBotStateStore state) : IBotStateStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => state.GetAsync(key, cancellationToken);

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (!await elector.SetStateAsync(singleton, key, value, cancellationToken))
        {
            throw new InvalidOperationException($"'{key}' not written: this host no longer runs {singleton}");
        }
    }
}
