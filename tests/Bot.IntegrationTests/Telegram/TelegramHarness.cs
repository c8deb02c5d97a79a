using Bot.Channels.Telegram;
using Bot.Core.Channels;
using Bot.Core.Delivery.Pacing;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.IntegrationTests.Telegram;

/// <summary>
/// The real sender on the real Telegram.Bot client, over HTTP to the fake Bot API. Fake and pacer share one
/// fake clock, so rate-limit windows on both sides move only when a test advances it. <see cref="Target"/> passes no
/// budget; <see cref="PacedTarget"/> passes the harness's pacer, as the delivery engine's targets do.
/// </summary>
public sealed class TelegramHarness : IAsyncDisposable
{
    private readonly HttpClient http;

    private TelegramHarness(FakeTelegramBotApi api, ObservedTimeProvider clock, TelegramOptions options, PacingOptions pacing, HttpClient http)
    {
        Api = api;
        Clock = clock;
        Options = options;
        this.http = http;
        Pacer = new SendPacer(pacing, clock);
        Sender = new TelegramChannelSender(
            TelegramClientFactory.Create(options, http),
            new TelegramTokenRedactor(options.BotToken),
            NullLogger<TelegramChannelSender>.Instance);
    }

    public FakeTelegramBotApi Api { get; }

    public ObservedTimeProvider Clock { get; }

    public TelegramOptions Options { get; }

    public SendPacer Pacer { get; }

    public TelegramChannelSender Sender { get; }

    public static async Task<TelegramHarness> StartAsync(
        FakeTelegramBotApiOptions? api = null,
        PacingOptions? pacing = null,
        string? token = null,
        Uri? baseUrl = null)
    {
        var clock = new ObservedTimeProvider();
        var fake = await FakeTelegramBotApi.StartAsync((api ?? new FakeTelegramBotApiOptions()) with { Clock = clock });
        var options = new TelegramOptions
        {
            BotToken = token ?? fake.Token,
            ApiBaseUrl = baseUrl ?? fake.BaseUrl,
        };
        return new TelegramHarness(fake, clock, options, pacing ?? new PacingOptions(), TelegramClientFactory.CreateHttpClient(TimeSpan.FromSeconds(10)));
    }

    public static DeliveryTarget Target(string chat, string destination = "news") => new(ChannelNames.Telegram, destination, chat);

    /// <summary>A target whose requests pass this harness's pacer.</summary>
    public DeliveryTarget PacedTarget(string chat, string destination = "news") =>
        Target(chat, destination) with { Gate = new PacerGate(Pacer, ChannelNames.Telegram, chat) };

    public static TelegramMessage Message(params string[] htmlParts) => new(htmlParts.Select(h => new TelegramPart(h)).ToArray());

    /// <summary>Waits (real time, bounded) until the fake has journaled <paramref name="count"/> requests to <paramref name="chat"/>.</summary>
    public async Task WaitForRequestsAsync(string chat, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (Api.RequestsTo(chat).Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Api.DisposeAsync();
    }
}
