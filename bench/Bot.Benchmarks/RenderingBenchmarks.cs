using BenchmarkDotNet.Attributes;
using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Rendering;

namespace Bot.Benchmarks;

/// <summary>
/// Rendering the reference article per channel. Targets: under 20 µs per Telegram message, under 100 µs per
/// personalised email (<see cref="PersonaliseEmail"/>: one subscriber of an already prepared list).
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private static readonly Destination Telegram = new("bench-telegram", ChannelNames.Telegram, "-1001234567890", null, DestinationFilter.Everything);
    private static readonly Destination Discord = new("bench-discord", ChannelNames.Discord, "112233445566778899", null, DestinationFilter.Everything);
    private static readonly Destination Email = new("bench-email", ChannelNames.Email, "", null, DestinationFilter.Everything);
    private static readonly EmailRecipient Reader = new("reader@example.org", "قارئ الأخبار", "https://news.example.org/unsubscribe?token=abc123");

    private MessageRenderer _renderer = null!;
    private Article _article = null!;
    private PreparedEmail _prepared = null!;
    private EmailMessage _email = null!;
    private EmailMimeBuilder _mime = null!;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new MessageRenderer(Path.Combine(AppContext.BaseDirectory, "templates"), TimeProvider.System);
        _article = ReadReference(Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt"));
        _prepared = _renderer.PrepareEmail(_article, Email);
        _email = _prepared.Personalise(Reader);
        _mime = new EmailMimeBuilder("news@news.example.org", TimeProvider.System);
    }

    [Benchmark]
    public TelegramMessage RenderTelegram() => _renderer.RenderTelegram(_article, Telegram);

    [Benchmark]
    public DiscordMessage RenderDiscord() => _renderer.RenderDiscord(_article, Discord);

    [Benchmark]
    public RenderedMessage RenderEmail() => _renderer.Render(_article, Email, Reader);

    [Benchmark]
    public EmailMessage PersonaliseEmail() => _prepared.Personalise(Reader);

    [Benchmark]
    public MimeKit.MimeMessage BuildMime() => _mime.Build(_email);

    private static Article ReadReference(string path) =>
        ArticleFileReader.ReadFile(path, new DateTimeOffset(2023, 12, 24, 9, 0, 0, TimeSpan.Zero)) is ArticleReadResult.Success success
            ? success.Article
            : throw new InvalidOperationException($"cannot read {path}");
}
