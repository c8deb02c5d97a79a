using System.ServiceModel.Syndication;
using System.Xml;

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

    public static FeedReadResult Read(Stream content, Uri feedUrl, DateTimeOffset received)
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
            using var reader = XmlReader.Create(content, settings);
            reader.MoveToContent();
            var rss = new Rss20FeedFormatter { DateTimeParser = FeedDate.Parse };
            var atom = new Atom10FeedFormatter { DateTimeParser = FeedDate.Parse };
            SyndicationFeedFormatter formatter;
            if (rss.CanRead(reader))
            {
                formatter = rss;
                isRss = true;
            }
            else if (atom.CanRead(reader))
            {
                formatter = atom;
                isRss = false;
            }
            else
            {
                return new FeedReadResult.Failure($"not an RSS 2.0 or Atom 1.0 feed (the document is <{reader.LocalName}>)");
            }

            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (Exception e) when (e is XmlException or NotSupportedException or FormatException or InvalidOperationException or UriFormatException)
        {
            return new FeedReadResult.Failure(ArticleFieldRules.OneLine($"not a readable feed: {e.Message}"));
        }

        var context = new FeedItemMapper.FeedContext(
            Title: feed.Title is { } title ? FeedItemMapper.Text(title) : null,
            Language: feed.Language is { } language && LanguageTag.TryNormalise(language, out var normalised) ? normalised : null,
            BaseUrl: feed.BaseUri is { IsAbsoluteUri: true } baseUri ? baseUri : feedUrl,
            IsRss: isRss);

        var entries = feed.Items.Select((item, index) => FeedItemMapper.Map(item, index, context, received)).ToList();
        entries.Reverse();
        if (entries.All(e => e is not FeedEntry.Read read || read.Article.Published is not null))
        {
            // OrderBy is stable: items published at the same instant keep the reversed document order.
            entries = [.. entries.OrderBy(e => e is FeedEntry.Read read ? read.Article.Published : null)];
        }

        return new FeedReadResult.Success(context.Title, entries);
    }
}
