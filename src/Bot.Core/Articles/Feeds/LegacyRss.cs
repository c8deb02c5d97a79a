using System.Xml;
using System.Xml.Linq;

namespace Bot.Core.Articles.Feeds;

/// <summary>
/// Brings RSS 0.9x and RSS 1.0 (RDF) documents into the RSS 2.0 shape the syndication reader accepts. RSS 0.91
/// and 0.92 are RSS 2.0 without some elements, so only the version changes. RSS 1.0 keeps its items beside the
/// channel, in its own namespace, with Dublin Core dates and subjects; they are moved into a 2.0 channel, with
/// <c>rdf:about</c> as the guid.
/// </summary>
internal static class LegacyRss
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>Whether the root element <paramref name="reader"/> is on is RSS 0.9x or RSS 1.0.</summary>
    public static bool IsLegacy(XmlReader reader) =>
        (reader.LocalName == "rss" && reader.NamespaceURI.Length == 0 && reader.GetAttribute("version") is { } version && version != "2.0")
        || (reader.LocalName == "RDF" && reader.NamespaceURI == Rdf.NamespaceName);

    /// <summary>The document in RSS 2.0 shape, or the same document when it is neither legacy form.</summary>
    public static XDocument Upgrade(XDocument document)
    {
        var root = document.Root;
        if (root is null) return document;
        if (root.Name == "rss" && (string?)root.Attribute("version") is { } version && version != "2.0")
        {
            root.SetAttributeValue("version", "2.0");
            return document;
        }

        if (root.Name != Rdf + "RDF" || root.Element(Rss1 + "channel") is not { } channel) return document;

        var upgraded = new XElement("channel", channel.Elements().Where(e => e.Name.Namespace == Rss1 && e.Name.LocalName is "title" or "link" or "description").Select(Plain));
        if (channel.Element(DublinCore + "language") is { } language) upgraded.Add(new XElement("language", language.Value));
        foreach (var item in root.Elements(Rss1 + "item"))
        {
            var element = new XElement("item");
            if ((string?)item.Attribute(Rdf + "about") is { Length: > 0 } about) element.Add(new XElement("guid", new XAttribute("isPermaLink", "false"), about));
            foreach (var child in item.Elements())
            {
                if (child.Name.Namespace == Rss1) element.Add(Plain(child));
                else if (child.Name == DublinCore + "date") element.Add(new XElement("pubDate", child.Value));
                else if (child.Name == DublinCore + "subject") element.Add(new XElement("category", child.Value));
                else element.Add(new XElement(child));
            }

            upgraded.Add(element);
        }

        return new XDocument(new XElement("rss", new XAttribute("version", "2.0"), upgraded));
    }

    private static XElement Plain(XElement element) => new(element.Name.LocalName, element.Nodes());
}
