using System.Security;
using System.Text;

namespace Bot.IntegrationTests.Fakes.Feeds;

/// <summary>Builds RSS 2.0 documents for the fake feed server: a title, a language and items newest first.</summary>
public static class RssDocument
{
    public sealed record Item(string Guid, string Title, string Html, DateTimeOffset Published);

    public static string Of(string title, string language, params Item[] items)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>");
        sb.Append($"<title>{SecurityElement.Escape(title)}</title><link>https://news.example.org/</link><language>{language}</language>");
        foreach (var item in items.OrderByDescending(i => i.Published))
        {
            sb.Append("<item>")
                .Append($"<title>{SecurityElement.Escape(item.Title)}</title>")
                .Append($"<link>https://news.example.org/{item.Guid}</link>")
                .Append($"<guid isPermaLink=\"false\">{item.Guid}</guid>")
                .Append($"<pubDate>{item.Published.UtcDateTime:R}</pubDate>")
                .Append($"<description><![CDATA[{item.Html}]]></description>")
                .Append("</item>");
        }

        sb.Append("</channel></rss>\n");
        return sb.ToString();
    }
}
