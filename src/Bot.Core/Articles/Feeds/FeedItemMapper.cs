using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Bot.Core.Articles.Feeds;

/// <summary>
/// One feed item as an article draft: id from the RSS guid or Atom id, URL from the item's (alternate) link,
/// body from content:encoded or the Atom content, else the description or summary, turned from HTML into
/// paragraphs; the description becomes the summary when there is a body besides it.
/// </summary>
internal static class FeedItemMapper
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Longest title made from the start of the body when an item has no title of its own.</summary>
    public const int DerivedTitleLength = 120;

    /// <param name="Title">The feed's title, used as each article's source.</param>
    /// <param name="Language">The feed's language, normalised; null to detect it per item.</param>
    /// <param name="BaseUrl">What relative links are resolved against.</param>
    /// <param name="IsRss">RSS descriptions are HTML whatever they claim; Atom says which it is.</param>
    public sealed record FeedContext(string? Title, string? Language, Uri BaseUrl, bool IsRss);

    public static FeedEntry Map(SyndicationItem item, int index, FeedContext feed, DateTimeOffset received)
    {
        var id = Clean(item.Id);
        var url = AlternateLink(item, feed.BaseUrl);
        var label = id ?? url ?? $"#{index + 1}";

        var content = ContentEncoded(item) is { } encoded ? HtmlParagraphs.Split(encoded) : Paragraphs(item.Content, feed.IsRss);
        var description = Paragraphs(item.Summary, feed.IsRss);
        var paragraphs = content.Count > 0 ? content : description;
        // RSS titles are plain text by the letter of the spec, yet many feeds escape them twice (&amp;amp;).
        var title = item.Title is { } t ? Clean(feed.IsRss ? WebUtility.HtmlDecode(Text(t)) : Text(t)) : null;
        if (title is null && paragraphs.Count == 0)
        {
            return new FeedEntry.Skipped(label, "the item has neither a title nor a text");
        }

        title ??= Shorten(paragraphs[0], DerivedTitleLength);
        if (title.Length > ArticleFileReader.MaxTitleLength) title = Shorten(title, ArticleFileReader.MaxTitleLength);

        var draft = new ArticleDraft
        {
            Id = id,
            Title = title,
            Summary = content.Count > 0 && description.Count > 0 ? string.Join(' ', description) : null,
            Paragraphs = paragraphs,
            Url = url,
            Image = Image(item, feed.BaseUrl),
            Source = feed.Title,
            Author = Author(item),
            Tags = [.. item.Categories.Select(c => Clean(c.Name)).OfType<string>().Distinct(StringComparer.Ordinal)],
            Language = feed.Language,
            Published = item.PublishDate != default ? item.PublishDate.ToUniversalTime()
                : item.LastUpdatedTime != default ? item.LastUpdatedTime.ToUniversalTime()
                : null,
        };
        var links = draft.LinkErrors().Select(e => e.Message).ToList();
        return links.Count > 0
            ? new FeedEntry.Skipped(label, string.Join("; ", links))
            : new FeedEntry.Read(draft.ToArticle(received));
    }

    /// <summary>A title or other short text as plain text on one line.</summary>
    public static string Text(TextSyndicationContent content) =>
        content.Type is "html" or "xhtml" ? HtmlParagraphs.OneLine(content.Text) : string.Join(' ', SplitWhiteSpace(content.Text));

    private static IReadOnlyList<string> Paragraphs(SyndicationContent? content, bool isRss) => content switch
    {
        TextSyndicationContent { Type: "text" } text when !isRss => ParagraphSplitter.Split(text.Text),
        TextSyndicationContent text => HtmlParagraphs.Split(text.Text),
        _ => [],
    };

    private static string? ContentEncoded(SyndicationItem item)
    {
        foreach (var extension in item.ElementExtensions)
        {
            if (extension is { OuterName: "encoded", OuterNamespace: ContentNamespace })
            {
                using var reader = extension.GetReader();
                return reader.ReadElementContentAsString();
            }
        }

        return null;
    }

    private static string? AlternateLink(SyndicationItem item, Uri baseUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "" or "alternate");
        return link?.Uri is { } uri ? Absolute(uri, link.BaseUri ?? baseUrl) : null;
    }

    private static string? Image(SyndicationItem item, Uri baseUrl)
    {
        var enclosure = item.Links.FirstOrDefault(l =>
            l.RelationshipType == "enclosure" && l.MediaType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true);
        if (enclosure?.Uri is { } enclosed) return Absolute(enclosed, enclosure.BaseUri ?? baseUrl);

        string? thumbnail = null;
        foreach (var extension in item.ElementExtensions.Where(e => e.OuterNamespace == MediaNamespace))
        {
            var element = Load(extension);
            foreach (var media in element.DescendantsAndSelf())
            {
                if (media.Name.NamespaceName != MediaNamespace || (string?)media.Attribute("url") is not { } raw) continue;
                if (!Uri.TryCreate(raw.Trim(), UriKind.RelativeOrAbsolute, out var uri)) continue;
                if (media.Name.LocalName == "content" && IsImage(media)) return Absolute(uri, baseUrl);
                if (media.Name.LocalName == "thumbnail") thumbnail ??= Absolute(uri, baseUrl);
            }
        }

        return thumbnail;
    }

    private static bool IsImage(XElement media) =>
        (string?)media.Attribute("medium") == "image"
        || ((string?)media.Attribute("type"))?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;

    private static string? Author(SyndicationItem item)
    {
        if (item.Authors.FirstOrDefault() is { } person && (Clean(person.Name) ?? Clean(person.Email)) is { } name) return name;
        foreach (var extension in item.ElementExtensions)
        {
            if (extension is { OuterName: "creator", OuterNamespace: DublinCoreNamespace })
            {
                return Clean(Load(extension).Value);
            }
        }

        return null;
    }

    private static XElement Load(SyndicationElementExtension extension)
    {
        using var reader = extension.GetReader();
        reader.MoveToContent();
        return (XElement)XNode.ReadFrom(reader);
    }

    private static string Absolute(Uri uri, Uri baseUrl) =>
        (uri.IsAbsoluteUri ? uri : new Uri(baseUrl, uri)).AbsoluteUri;

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', SplitWhiteSpace(text));

    private static string[] SplitWhiteSpace(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Shorten(string text, int length)
    {
        var line = string.Join(' ', SplitWhiteSpace(text));
        if (line.Length <= length) return line;
        var cut = line.LastIndexOf(' ', length - 1);
        return string.Concat(line.AsSpan(0, cut > length / 2 ? cut : length - 1), "…");
    }
}
