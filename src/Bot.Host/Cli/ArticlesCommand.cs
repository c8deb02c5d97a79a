using System.CommandLine;
using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

public static class ArticlesCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string?>("ID")
        {
            Description = "Id of the article to show in full (as the list shows it); without it, recent articles are listed",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var version = new Option<int?>("--version")
        {
            Description = "With ID: show this version instead of the latest",
            HelpName = "N",
        };
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many recent articles to list",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("articles", "List recent articles (id, version, published, language, title), or show one in full")
        {
            id,
            version,
            limit,
        };
        command.SetAction((parseResult, cancellationToken) => context.WithStoreAsync(
            parseResult,
            async (services, token) =>
            {
                var store = services.GetRequiredService<IArticleStore>();
                var key = parseResult.GetValue(id);
                if (key is null)
                {
                    var count = parseResult.GetValue(limit);
                    if (count < 1)
                    {
                        throw new UserErrorException("--limit must be at least 1");
                    }

                    List(context.Output, await store.ListRecentAsync(count, token));
                    return 0;
                }

                var article = await store.GetAsync(key, parseResult.GetValue(version), token)
                    ?? throw new UserErrorException(parseResult.GetValue(version) is { } v
                        ? $"no such article version: {key} version {v}"
                        : $"no such article: {key}");
                Show(context.Output, article);
                return 0;
            },
            cancellationToken));
        return command;
    }

    /// <summary>
    /// One line per article, columns separated by two spaces, the free-text title last. The first column is the id every
    /// other verb takes: a feed's items carry their feed's prefix (<c>@FEED/KEY</c>).
    /// </summary>
    public static void List(TextWriter output, IReadOnlyList<Article> articles)
    {
        if (articles.Count == 0)
        {
            output.WriteLine("no articles");
            return;
        }

        var keyWidth = Math.Max(3, articles.Max(a => a.Key.Length));
        var versionWidth = Math.Max(7, articles.Max(a => a.Version.ToString(CultureInfo.InvariantCulture).Length));
        output.WriteLine($"{"ID".PadRight(keyWidth)}  {"VERSION".PadRight(versionWidth)}  {"PUBLISHED",-16}  LANG  TITLE");
        foreach (var a in articles)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{a.Key.PadRight(keyWidth)}  {a.Version.ToString(CultureInfo.InvariantCulture).PadRight(versionWidth)}  {Published(a),-16}  {a.Language,-4}  {a.Title}"));
        }
    }

    /// <summary>Every field, then the paragraphs as written.</summary>
    public static void Show(TextWriter output, Article a)
    {
        void Field(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                output.WriteLine($"{name + ":",-11}{value}");
            }
        }

        Field("id", a.Key);
        Field("origin", a.Origin.FeedName is { } feed ? "feed " + feed : "newsroom");
        Field("version", a.Version.ToString(CultureInfo.InvariantCulture));
        Field("title", a.Title);
        Field("summary", a.Summary);
        Field("url", a.Url);
        Field("image", a.Image);
        Field("source", a.Source);
        Field("author", a.Author);
        Field("tags", string.Join(", ", a.Tags));
        Field("category", a.Category);
        Field("language", a.Language);
        Field("direction", a.Direction.ToString().ToLowerInvariant());
        Field("published", Published(a));
        Field("received", a.Received.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Field("retracted", a.Retracted ? "yes" : null);
        output.WriteLine();
        foreach (var paragraph in a.Paragraphs)
        {
            output.WriteLine(paragraph);
            output.WriteLine();
        }
    }

    private static string Published(Article a) =>
        a.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
