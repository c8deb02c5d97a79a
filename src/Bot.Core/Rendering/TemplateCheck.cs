using System.Text.RegularExpressions;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Fluid;
using Fluid.Values;

namespace Bot.Core.Rendering;

/// <summary>
/// What <c>bot check</c> runs on templates: every file under the folder (defaults and named sets) is parsed, then
/// rendered with strict variables and filters against a full Arabic and a full English sample article, and the
/// Telegram output is read as Telegram would read it.
/// </summary>
public static partial class TemplateCheck
{
    /// <summary>Problems found, each printing as <c>path:line:col: message</c>; empty when all is well.</summary>
    /// <param name="templatesFolder">The templates root, e.g. <c>config/templates</c>.</param>
    /// <param name="destinations">Configured destinations: each named template set must exist.</param>
    /// <param name="timeProvider">The clock templates see as <c>now</c>; the system clock when null.</param>
    public static IReadOnlyList<TemplateProblem> Check(string templatesFolder, IEnumerable<Destination>? destinations = null, TimeProvider? timeProvider = null)
    {
        var liquid = new LiquidEnvironment(timeProvider ?? TimeProvider.System, strict: true);
        var (catalog, parseProblems) = TemplateCatalog.Read(templatesFolder, liquid.Parser);
        var problems = new List<TemplateProblem>(parseProblems);
        foreach (var destination in destinations ?? [])
        {
            if (!string.IsNullOrEmpty(destination.Template) && destination.Template != destination.Channel && !catalog.HasSet(destination.Template))
            {
                problems.Add(new TemplateProblem(
                    Path.Combine(templatesFolder, destination.Template),
                    1,
                    1,
                    $"template set '{destination.Template}' of destination '{destination.Name}' not found"));
            }
        }

        foreach (var source in catalog.Sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            foreach (var sample in Samples)
            {
                var problem = RenderProblem(liquid.Options, source, sample);
                if (problem is not null && !problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        return problems;
    }

    /// <summary>Articles with every field set, so that strict variables flag only real mistakes.</summary>
    internal static IReadOnlyList<Article> Samples { get; } =
    [
        new Article
        {
            Key = "sample-ar",
            Version = 2,
            Title = "عنوان الخبر “بين علامتي تنصيص”",
            Summary = "ملخص الخبر.",
            Paragraphs = ["الفقرة الأولى <b>&amp; @everyone.", "الفقرة الثانية؟"],
            Url = "https://example.org/ar/1?a=1&b=2",
            Image = "https://example.org/ar/1.jpg",
            Source = "قدس برس",
            Author = "المحرر",
            Tags = ["القدس", "فلسطين"],
            Category = "أخبار",
            Language = "ar",
            Direction = TextDirection.Rtl,
            Published = new DateTimeOffset(2023, 12, 23, 18, 0, 0, TimeSpan.Zero),
        },
        new Article
        {
            Key = "sample-en",
            Version = 1,
            Title = "A *headline* with <tags> & \"quotes\"",
            Summary = "A summary.",
            Paragraphs = ["First paragraph __x__ <@123>.", "Second paragraph!"],
            Url = "https://example.org/en/1",
            Image = "https://example.org/en/1.jpg",
            Source = "Example News",
            Author = "Desk",
            Tags = ["world"],
            Category = "news",
            Language = "en",
            Direction = TextDirection.Ltr,
            Published = new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.Zero),
        },
    ];

    private static TemplateProblem? RenderProblem(TemplateOptions options, TemplateSource source, Article sample)
    {
        var channel = TemplateFiles.ChannelOf(source.FileName)!;
        var context = new TemplateContext(options) { CultureInfo = ArticleCulture.For(sample.Language) };
        context.SetValue("article", new ObjectValue(ArticleModel.From(sample)));
        context.SetValue("destination", new ObjectValue(new DestinationModel("sample", channel)));
        if (channel == ChannelNames.Email)
        {
            context.SetValue("subscriber", new ObjectValue(new SubscriberModel("reader@example.org", "Reader")));
            context.SetValue("unsubscribe_url", new StringValue("https://example.org/unsubscribe?token=abc"));
        }

        string output;
        try
        {
            output = source.Template.Render(context, TemplateFiles.EncoderFor(source.FileName));
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or FormatException)
        {
            var name = Quoted().Match(e.Message);
            var (line, column) = name.Success ? Find(source.Text, name.Groups[1].Value) : (1, 1);
            return new TemplateProblem(source.Path, line, column, e.Message);
        }

        if (source.FileName == TemplateFiles.TelegramMessage)
        {
            try
            {
                TelegramHtmlTokenizer.Tokenize(RenderedText.Tidy(output));
            }
            catch (TelegramHtmlException e)
            {
                var tidy = RenderedText.Tidy(output);
                var end = tidy.IndexOf('>', e.Offset);
                var snippet = end < 0 ? tidy[e.Offset..Math.Min(tidy.Length, e.Offset + 1)] : tidy[e.Offset..(end + 1)];
                var (line, column) = Find(source.Text, snippet);
                return new TemplateProblem(source.Path, line, column, $"Telegram would refuse this message: {e.Message} ({snippet})");
            }
        }

        return null;
    }

    /// <summary>Line and column (1-based) of the first whole-word occurrence of <paramref name="name"/>; 1:1 when absent.</summary>
    internal static (int Line, int Column) Find(string text, string name)
    {
        var pattern = char.IsLetterOrDigit(name[0]) || name[0] == '_'
            ? $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])"
            : Regex.Escape(name);
        var match = Regex.Match(text, pattern);
        if (!match.Success)
        {
            return (1, 1);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < match.Index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, match.Index - lineStart + 1);
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
