using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Articles;

/// <summary>
/// A hash over everything a reader can see in an article (not its version or arrival time), so that
/// importing the same content again is recognised as unchanged.
/// </summary>
public static class ArticleFingerprint
{
    public static string Compute(Article a)
    {
        var sb = new StringBuilder();
        void Field(string name, string? value) => sb.Append(name).Append('\u001f').Append(value).Append('\u001e');
        Field("title", a.Title);
        Field("summary", a.Summary);
        foreach (var p in a.Paragraphs) Field("p", p);
        Field("url", a.Url);
        Field("image", a.Image);
        Field("source", a.Source);
        Field("author", a.Author);
        foreach (var t in a.Tags) Field("tag", t);
        Field("category", a.Category);
        Field("language", a.Language);
        Field("direction", a.Direction.ToString());
        Field("published", a.Published?.UtcDateTime.ToString("O"));
        Field("retracted", a.Retracted ? "1" : "0");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The fallback key when a file gives neither id nor URL.</summary>
    public static string KeyFromSourceAndTitle(string? source, string title) =>
        "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\u001f{title}")))[..16];
}
