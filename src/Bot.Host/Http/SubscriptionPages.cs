using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Subscriptions;
using Bot.Host.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http;

/// <summary>
/// The small pages of the subscription flow: plain HTML, no script, no external resources, one heading, one message
/// and at most one button, in the list's language and direction. Addresses and list names are isolated with
/// <c>bdi</c> so a Latin address cannot reorder an Arabic sentence.
/// </summary>
public static class SubscriptionPages
{
    private const string Style =
        "body{font-family:sans-serif;font-size:1.1rem;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.6;color:#1b1b1b;background:#fff}" +
        "button{font:inherit;padding:.6em 1.2em;border:0;border-radius:4px;background:#1a5c2e;color:#fff;cursor:pointer}" +
        "button:focus-visible{outline:3px solid #1b1b1b;outline-offset:3px}";

    /// <summary>
    /// Nothing but the one inline style sheet, whose hash is named, and forms posting back to this site: an injected
    /// tag could neither run, load nor send anything elsewhere.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Headers every subscription page carries: never cached (a token is in the URL), never framed, never referred.</summary>
    public static void Protect(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    public static string Result(SubscriptionResult result, SubscriptionList? fallback)
    {
        var list = result.List ?? fallback;
        var arabic = IsArabic(list);
        var (title, message) = (result.Outcome, arabic) switch
        {
            (SubscriptionOutcome.Requested, true) => ("تحقّق من بريدك", "إن كان العنوان صحيحًا فستصلك رسالة فيها رابط لتأكيد الاشتراك خلال دقائق. الرابط صالح 48 ساعة."),
            (SubscriptionOutcome.Requested, false) => ("Check your inbox", "If the address is right, a message with a confirmation link will arrive within minutes. The link works for 48 hours."),
            (SubscriptionOutcome.InvalidRequest, true) => ("تعذّر الاشتراك", "تحقّق من عنوان البريد الإلكتروني واسم القائمة ثم أعد المحاولة."),
            (SubscriptionOutcome.InvalidRequest, false) => ("Could not subscribe", "Check the email address and the list name, then try again."),
            (SubscriptionOutcome.Confirmed or SubscriptionOutcome.AlreadyConfirmed, true) => ("تمّ تأكيد الاشتراك", "ستصلك أخبار «{0}» على {1}."),
            (SubscriptionOutcome.Confirmed or SubscriptionOutcome.AlreadyConfirmed, false) => ("Subscription confirmed", "News from \"{0}\" will come to {1}."),
            (SubscriptionOutcome.Unsubscribed, true) => ("تمّ إلغاء الاشتراك", "لن تصل رسائل «{0}» إلى {1} بعد الآن."),
            (SubscriptionOutcome.Unsubscribed, false) => ("Unsubscribed", "{1} will get no more mail from \"{0}\"."),
            (SubscriptionOutcome.ExpiredLink, true) => ("انتهت صلاحية الرابط", "اطلب رابطًا جديدًا بالاشتراك مرة أخرى."),
            (SubscriptionOutcome.ExpiredLink, false) => ("This link has expired", "Subscribe again to get a new link."),
            (SubscriptionOutcome.StaleLink, true) => ("الرابط لم يعد صالحًا", "تغيّرت حالة هذا الاشتراك منذ إرسال الرابط. اشترك مرة أخرى إن أردت."),
            (SubscriptionOutcome.StaleLink, false) => ("This link is no longer valid", "The subscription has changed since this link was sent. Subscribe again if you wish."),
            (_, true) => ("رابط غير صالح", "هذا الرابط غير صحيح. استخدم الرابط كما ورد في الرسالة."),
            (_, false) => ("Invalid link", "This link is not valid. Use the link exactly as it appears in the message."),
        };
        return Page(list, title, $"<p>{Fill(message, list?.Name, result.Email)}</p>");
    }

    /// <summary>The page a GET on a confirm link shows: one button that POSTs the token, because mail scanners follow links.</summary>
    public static string ConfirmButton(SubscriptionResult result, string token)
    {
        var (title, message, button) = IsArabic(result.List)
            ? ("تأكيد الاشتراك", "تأكيد اشتراك {1} في «{0}»؟", "نعم، أكّد الاشتراك")
            : ("Confirm subscription", "Send \"{0}\" to {1}?", "Yes, confirm");
        return ButtonPage(result, title, message, button, "confirm", token);
    }

    /// <summary>The page a GET on an unsubscribe link shows: one button that POSTs, because mail scanners follow links.</summary>
    public static string UnsubscribeButton(SubscriptionResult result, string token)
    {
        var (title, message, button) = IsArabic(result.List)
            ? ("إلغاء الاشتراك", "إلغاء اشتراك {1} في «{0}»؟", "نعم، ألغِ الاشتراك")
            : ("Unsubscribe", "Stop sending \"{0}\" to {1}?", "Yes, unsubscribe");
        return ButtonPage(result, title, message, button, $"unsubscribe?token={Uri.EscapeDataString(token)}", token);
    }

    // The action is relative, so the form posts back under whatever path prefix a proxy serves the pages from.
    private static string ButtonPage(SubscriptionResult result, string title, string message, string button, string action, string token) =>
        Page(result.List, title, $"""
            <form method="post" action="{Encode(action)}">
            <p id="question">{Fill(message, result.List?.Name, result.Email)}</p>
            <input type="hidden" name="token" value="{Encode(token)}">
            <button type="submit" aria-describedby="question">{Encode(button)}</button>
            </form>
            """);

    /// <summary>A page about an unknown list speaks the default language.</summary>
    private static SubscriptionList Effective(SubscriptionList? list) => list ?? new SubscriptionList("", SubscriptionListsReader.DefaultLanguage);

    private static bool IsArabic(SubscriptionList? list) => Effective(list).Language.StartsWith("ar", StringComparison.OrdinalIgnoreCase);

    /// <summary>Encodes <paramref name="format"/> with <c>{0}</c> (the list) and <c>{1}</c> (the address) each in its own <c>bdi</c>.</summary>
    private static string Fill(string format, string? list, string? email)
    {
        var html = new StringBuilder();
        var rest = format.AsSpan();
        while (rest.IndexOf('{') is var at and >= 0 && at + 2 < rest.Length && rest[at + 2] == '}')
        {
            html.Append(Encode(rest[..at].ToString()));
            var value = rest[at + 1] == '0' ? list : email;
            html.Append("<bdi>").Append(Encode(value)).Append("</bdi>");
            rest = rest[(at + 3)..];
        }

        return html.Append(Encode(rest.ToString())).ToString();
    }

    private static string Page(SubscriptionList? list, string title, string body)
    {
        var language = Effective(list).Language;
        var dir = Effective(list).IsRightToLeft ? "rtl" : "ltr";
        return $"""
            <!DOCTYPE html>
            <html dir="{dir}" lang="{Encode(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{Encode(title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <main>
            <h1>{Encode(title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
