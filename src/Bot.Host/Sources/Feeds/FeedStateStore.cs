using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Core.Storage;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// Each feed's <see cref="FeedState"/> as JSON in <c>bot_state</c>, under a key made from a hash of the feed's URL
/// (a URL may carry an access key in its query; the state table should not show it).
/// </summary>
public sealed class FeedStateStore(IBotStateStore state)
{
    public const string KeyPrefix = "feeds.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string KeyOf(string url) =>
        KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..24];

    public async Task<FeedState> LoadAsync(string url, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(KeyOf(url), cancellationToken);
        if (stored is null) return FeedState.New;
        try
        {
            return JsonSerializer.Deserialize<FeedState>(stored, Json) ?? FeedState.New;
        }
        catch (JsonException)
        {
            // Someone edited the row by hand: start over as for a new feed, minus the backlog rule.
            return FeedState.New with { Started = true };
        }
    }

    public Task SaveAsync(string url, FeedState feed, CancellationToken cancellationToken) =>
        state.SetAsync(KeyOf(url), JsonSerializer.Serialize(feed, Json), cancellationToken);
}
