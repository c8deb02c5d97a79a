using Bot.Channels.Discord;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.DiscordApi;

namespace Bot.IntegrationTests.Discord;

/// <summary>The real sender and REST client over HTTP to the fake Discord API, on the real clock, with logs collected.</summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly List<string> logs = [];

    private DiscordHarness(FakeDiscordApi api, DiscordOptions options)
    {
        Api = api;
        Options = options;
        http = DiscordServiceCollectionExtensions.CreateHttpClient(options.RequestTimeout);
        Limits = new DiscordRateLimits(TimeProvider.System, options.GlobalRequestsPerSecond, options.MaxBucketWait);
        Client = new DiscordRestClient(http, options, Limits, TimeProvider.System, new CollectingLogger<DiscordRestClient>(logs));
        Sender = new DiscordChannelSender(Client, new DiscordTokenRedactor(options.BotToken), new CollectingLogger<DiscordChannelSender>(logs));
    }

    public FakeDiscordApi Api { get; }

    public DiscordOptions Options { get; }

    public DiscordRateLimits Limits { get; }

    public DiscordRestClient Client { get; }

    public DiscordChannelSender Sender { get; }

    public IReadOnlyList<string> Logs
    {
        get
        {
            lock (logs)
            {
                return logs.ToArray();
            }
        }
    }

    /// <summary>Starts a fake; <paramref name="botToken"/> "" means no bot token (webhook-only), null the fake's token.</summary>
    public static async Task<DiscordHarness> StartAsync(FakeDiscordApiOptions? api = null, string? botToken = null, Uri? apiBaseUrl = null, TimeSpan? requestTimeout = null)
    {
        var fake = await FakeDiscordApi.StartAsync(api);
        var options = new DiscordOptions
        {
            BotToken = botToken ?? fake.BotToken,
            ApiBaseUrl = apiBaseUrl ?? fake.ApiBaseUrl,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        };
        return new DiscordHarness(fake, options);
    }

    public static DeliveryTarget Target(string address, string destination = "news") => new(ChannelNames.Discord, destination, address);

    public static DiscordMessage Message(params string[] contents) => new(contents.Select(c => new DiscordPart(c)).ToArray());

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Api.DisposeAsync();
    }

    /// <summary>
    /// Sends as the delivery engine would: a <see cref="SendOutcome.Paced"/> answer is waited out and the send resumed
    /// with the parts that went. Returns the final outcome and how many times the sender said to wait.
    /// </summary>
    public async Task<SendOutcome> SendWaitingOutPacingAsync(DeliveryTarget target, RenderedMessage message)
    {
        IReadOnlyList<string> sent = [];
        while (true)
        {
            var outcome = await Sender.SendAsync(target, message, sent, CancellationToken.None);
            if (outcome is not SendOutcome.Paced paced) return outcome;
            Interlocked.Increment(ref _pacedAnswers);
            sent = paced.RemoteIds;
            var wait = paced.NotBefore - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
    }

    private int _pacedAnswers;

    /// <summary>How many times the sender answered <see cref="SendOutcome.Paced"/> to <see cref="SendWaitingOutPacingAsync"/>.</summary>
    public int PacedAnswers => Volatile.Read(ref _pacedAnswers);
}
