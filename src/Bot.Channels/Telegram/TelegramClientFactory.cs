using Telegram.Bot;

namespace Bot.Channels.Telegram;

/// <summary>Builds Telegram.Bot clients the way this bot needs them.</summary>
public static class TelegramClientFactory
{
    /// <summary>
    /// A client on <paramref name="httpClient"/> that never retries by itself: with the library default it sleeps
    /// on the real clock for a 429 of up to 60 s, inside the call, twice, where our engine should reschedule.
    /// </summary>
    public static TelegramBotClient Create(TelegramOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException("Telegram:BotToken is not set.");
        }

        var clientOptions = new TelegramBotClientOptions(options.BotToken!, options.ApiBaseUrl.GetLeftPart(UriPartial.Authority))
        {
            RetryThreshold = 0,
        };
        return new TelegramBotClient(clientOptions, httpClient);
    }

    /// <summary>
    /// An HttpClient of its own: no IHttpClientFactory logging handler sits in it, so no request URL (which holds
    /// the token) is ever logged, and pooled connections are recycled so DNS changes are picked up.
    /// </summary>
    public static HttpClient CreateHttpClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(3),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        })
        {
            Timeout = timeout,
        };
}
