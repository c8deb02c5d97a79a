using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Rendering;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// Telegram HTML drawn as Telegram draws it, and safely: the message is read with the same tokenizer that checks it
/// before sending, and only Telegram's own formatting is written back, each tag rebuilt here (no attribute is
/// copied but a link's address, and only an http, https or tg address). Text is re-encoded from what Telegram shows.
/// </summary>
public static partial class TelegramPreviewHtml
{
    public static string Render(string telegramHtml)
    {
        IReadOnlyList<TelegramHtmlToken> tokens;
        try
        {
            tokens = TelegramHtmlTokenizer.Tokenize(telegramHtml);
        }
        catch (TelegramHtmlException e)
        {
            return $"<span class=\"problem\">Telegram would refuse this message: {E(e.Message)}</span>\n{E(telegramHtml)}";
        }

        var html = new StringBuilder(telegramHtml.Length + 64);
        var closing = new Stack<string>();
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TelegramHtmlTokenKind.Text:
                    html.Append(E(token.Text));
                    break;
                case TelegramHtmlTokenKind.StartTag:
                    var (open, close) = Element(token);
                    html.Append(open);
                    closing.Push(close);
                    break;
                case TelegramHtmlTokenKind.EndTag when closing.Count > 0:
                    html.Append(closing.Pop());
                    break;
            }
        }

        while (closing.Count > 0)
        {
            html.Append(closing.Pop());
        }

        return html.ToString();
    }

    private static (string Open, string Close) Element(TelegramHtmlToken token) => token.Name switch
    {
        "b" or "strong" => ("<strong>", "</strong>"),
        "i" or "em" => ("<em>", "</em>"),
        "u" or "ins" => ("<u>", "</u>"),
        "s" or "strike" or "del" => ("<s>", "</s>"),
        "span" or "tg-spoiler" => ("<span class=\"spoiler\">", "</span>"),
        "code" => ("<code>", "</code>"),
        "pre" => ("<pre>", "</pre>"),
        "blockquote" => ("<blockquote>", "</blockquote>"),
        "a" when Href(token.Raw) is { } href => ($"<a href=\"{E(href)}\" rel=\"noopener noreferrer nofollow\">", "</a>"),
        _ => ("<span>", "</span>"),
    };

    private static string? Href(string tag)
    {
        var match = HrefAttribute().Match(tag);
        if (!match.Success)
        {
            return null;
        }

        var value = WebUtility.HtmlDecode(match.Groups["d"].Success ? match.Groups["d"].Value : match.Groups["s"].Success ? match.Groups["s"].Value : match.Groups["u"].Value).Trim();
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme is "http" or "https" or "tg") ? uri.AbsoluteUri : null;
    }

    [GeneratedRegex("""\bhref\s*=\s*(?:"(?<d>[^"]*)"|'(?<s>[^']*)'|(?<u>[^\s>]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefAttribute();
}
