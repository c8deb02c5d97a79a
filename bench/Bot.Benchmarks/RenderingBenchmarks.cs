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

    // The .txt shape of DESIGN.md, read here only until ArticleFileReader is implemented.
    private static Article ReadReference(string path)
    {
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Trim().Split('\n');
        var blocks = string.Join('\n', lines.Skip(1)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var source = blocks[^1].StartsWith("Source:", StringComparison.Ordinal) ? blocks[^1]["Source:".Length..].Trim() : null;
        if (source is not null)
        {
            blocks.RemoveAt(blocks.Count - 1);
        }

        return new Article
        {
            Key = "quds-press-2023-12",
            Title = lines[0].Trim(),
            Paragraphs = blocks,
            Source = source,
            Language = "ar",
            Direction = TextDirection.Rtl,
            Received = new DateTimeOffset(2023, 12, 24, 9, 0, 0, TimeSpan.Zero),
        };
    }
}
