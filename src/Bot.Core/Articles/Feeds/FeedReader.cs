using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bot.Core.Articles.Feeds;

/// <summary>
/// Reads an RSS 2.0 or Atom 1.0 document into articles, one per item, through the same draft and key rules
/// as article files. Item order in feeds is newest first by custom; entries come back oldest first so they
/// are imported, and announced, in the order they were published.
/// </summary>
public static class FeedReader
{
    /// <summary>Largest feed document read; a bigger answer is not a feed this bot should hold in memory.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting read; feeds, XHTML content included, stay within a few dozen.</summary>
    public const int MaxDepth = 100;

    static FeedReader()
    {
        // Older Arabic feeds are often windows-1256; .NET knows the code pages only once they are registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <param name="content">The document's bytes.</param>
    /// <param name="charset">The HTTP Content-Type charset, used only when the document names no encoding of its own.</param>
    /// <param name="feedUrl">Where the document came from; relative links resolve against it.</param>
    /// <param name="received">When the document was fetched, the articles' arrival time.</param>
    public static FeedReadResult Read(byte[] content, string? charset, Uri feedUrl, DateTimeOffset received) =>
        Read(content, charset, feedUrl, received, new WorkCounter());

    /// <summary>As above, counting in <paramref name="work"/> the XML nodes of the first pass and the items mapped.</summary>
    public static FeedReadResult Read(byte[] content, string? charset, Uri feedUrl, DateTimeOffset received, WorkCounter work)
    {
        var settings = new XmlReaderSettings
        {
            // Some RSS 0.9x feeds still name a DTD; it is never fetched nor expanded.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = MaxDocumentBytes,
            IgnoreComments = true,
        };

        SyndicationFeed feed;
        bool isRss;
        try
        {
            if (TooDeep(content, charset, settings, work) is { } failure) return failure;

            XDocument? legacy = null;
            using (var probe = CreateReader(content, charset, settings))
            {
                probe.MoveToContent();
                if (LegacyRss.IsLegacy(probe)) legacy = LegacyRss.Upgrade(XDocument.Load(probe));
            }

            // The upgraded document is read back from text: the syndication reader trips over the text nodes an
            // XDocument's own reader reports for white space.
            using var feedReader = legacy is null
                ? CreateReader(content, charset, settings)
                : XmlReader.Create(new StringReader(legacy.ToString(SaveOptions.DisableFormatting)), settings);
            feedReader.MoveToContent();
            var rss = new Rss20FeedFormatter { DateTimeParser = FeedDate.Parse };
            var atom = new Atom10FeedFormatter { DateTimeParser = FeedDate.Parse };
            SyndicationFeedFormatter formatter;
            if (rss.CanRead(feedReader))
            {
                formatter = rss;
                isRss = true;
            }
            else if (atom.CanRead(feedReader))
            {
                formatter = atom;
                isRss = false;
            }
            else
            {
                return new FeedReadResult.Failure($"not an RSS or Atom feed (the document is <{feedReader.LocalName}>)");
            }

            formatter.ReadFrom(feedReader);
            feed = formatter.Feed;
        }
        catch (Exception e) when (e is XmlException or NotSupportedException or FormatException or InvalidOperationException or UriFormatException or ArgumentException)
        {
            return new FeedReadResult.Failure(ArticleFieldRules.OneLine($"not a readable feed: {e.Message}"));
        }

        var context = new FeedItemMapper.FeedContext(
            Title: feed.Title is { } title ? FeedItemMapper.Text(title) : null,
            Language: feed.Language is { } language && LanguageTag.TryNormalise(language, out var normalised) ? normalised : null,
            BaseUrl: feed.BaseUri is { IsAbsoluteUri: true } baseUri ? baseUri : feedUrl,
            IsRss: isRss);

        var entries = feed.Items.Select((item, index) =>
        {
            work.Add(1);
            return FeedItemMapper.Map(item, index, context, received);
        }).ToList();
        entries.Reverse();
        if (entries.All(e => e is not FeedEntry.Read read || read.Article.Published is not null))
        {
            // OrderBy is stable: items published at the same instant keep the reversed document order.
            entries = [.. entries.OrderBy(e => e is FeedEntry.Read read ? read.Article.Published : null)];
        }

        return new FeedReadResult.Success(context.Title, entries);
    }

    /// <summary>
    /// A first pass over the whole document, which the XML reader makes in one go whatever its shape, refusing it
    /// past <see cref="MaxDepth"/>: the syndication reader, the XLinq copies of the legacy upgrade and of media
    /// extensions resolve names through every ancestor, so 100,000 nested elements took over 20 seconds.
    /// </summary>
    private static FeedReadResult.Failure? TooDeep(byte[] content, string? charset, XmlReaderSettings settings, WorkCounter work)
    {
        using var scan = CreateReader(content, charset, settings);
        while (scan.Read())
        {
            work.Add(1);
            if (scan.Depth > MaxDepth) return new FeedReadResult.Failure($"not a feed this bot reads: elements nested more than {MaxDepth} deep");
        }

        return null;
    }

    /// <summary>
    /// The document's bytes, from which the XML reader takes the encoding (BOM, then the declaration, else UTF-8);
    /// or, when it declares none and HTTP named another charset, its text in that charset.
    /// </summary>
    private static XmlReader CreateReader(byte[] content, string? charset, XmlReaderSettings settings)
    {
        var span = content.AsSpan();
        var hasBom = span.StartsWith("\uFEFF"u8) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!hasBom && !string.IsNullOrWhiteSpace(charset) && !DeclaresEncoding(content))
        {
            try
            {
                return XmlReader.Create(new StringReader(Encoding.GetEncoding(charset.Trim().Trim('"')).GetString(content)), settings);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall back to what XML itself assumes.
            }
        }

        return XmlReader.Create(new MemoryStream(content, writable: false), settings);
    }

    private static bool DeclaresEncoding(byte[] content)
    {
        var head = Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 200));
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        return head.StartsWith("<?xml", StringComparison.Ordinal) && end > 0 && head[..end].Contains("encoding", StringComparison.Ordinal);
    }
}
