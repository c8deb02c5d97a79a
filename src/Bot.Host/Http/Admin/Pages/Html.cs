using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>The few pieces of markup every admin page is built from; every value goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string N(long number) => number.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? $"<time datetime=\"{t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</time>" : "–";

    public static string Hidden(AntiforgeryTokenSet token) =>
        $"<input type=\"hidden\" name=\"{E(token.FormFieldName)}\" value=\"{E(token.RequestToken)}\">";

    /// <summary>A one-button POST form; <paramref name="back"/> is where the answer sends the browser.</summary>
    public static string Button(string action, string text, string label, AntiforgeryTokenSet token, string? back = null, string css = "") =>
        $"<form class=\"inline\" method=\"post\" action=\"{E(action)}\">{Hidden(token)}" +
        (back is null ? "" : $"<input type=\"hidden\" name=\"back\" value=\"{E(back)}\">") +
        $"<button type=\"submit\"{(css.Length > 0 ? $" class=\"{css}\"" : "")} aria-label=\"{E(label)}\">{E(text)}</button></form>";

    /// <summary>A cell the page's script keeps up to date from the live JSON under the same <paramref name="id"/>.</summary>
    public static string Live(string tag, string id, string text, string css = "") =>
        $"<{tag} data-live=\"{E(id)}\"{(css.Length > 0 ? $" class=\"{css}\"" : "")}>{E(text)}</{tag}>";

    /// <summary>The page of one article; keys may hold any character (a URL), so they travel in the query.</summary>
    public static string ArticleHref(string key) => "/admin/article?key=" + Uri.EscapeDataString(key);
}
