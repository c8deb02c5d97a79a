using System.Net;
using Bot.Core.Subscriptions;
using Bot.Host.Subscriptions;

namespace Bot.Host.Http;

/// <summary>
/// The small pages of the subscription flow: plain HTML, no script, no external resources, one heading and one
/// message, in the list's language and direction.
/// </summary>
public static class SubscriptionPages
{
    private const string Style = "body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.6}button{font-size:1em;padding:.5em 1em}";

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
            (SubscriptionOutcome.Confirmed or SubscriptionOutcome.AlreadyConfirmed, true) => ("تمّ تأكيد الاشتراك", $"ستصلك أخبار «{list?.Name}» على {result.Email}."),
            (SubscriptionOutcome.Confirmed or SubscriptionOutcome.AlreadyConfirmed, false) => ("Subscription confirmed", $"News from \"{list?.Name}\" will come to {result.Email}."),
            (SubscriptionOutcome.Unsubscribed, true) => ("تمّ إلغاء الاشتراك", $"لن تصل رسائل «{list?.Name}» إلى {result.Email} بعد الآن."),
            (SubscriptionOutcome.Unsubscribed, false) => ("Unsubscribed", $"{result.Email} will get no more mail from \"{list?.Name}\"."),
            (SubscriptionOutcome.ExpiredLink, true) => ("انتهت صلاحية الرابط", "اطلب رابطًا جديدًا بالاشتراك مرة أخرى."),
            (SubscriptionOutcome.ExpiredLink, false) => ("This link has expired", "Subscribe again to get a new link."),
            (SubscriptionOutcome.StaleLink, true) => ("الرابط لم يعد صالحًا", "تغيّرت حالة هذا الاشتراك منذ إرسال الرابط. اشترك مرة أخرى إن أردت."),
            (SubscriptionOutcome.StaleLink, false) => ("This link is no longer valid", "The subscription has changed since this link was sent. Subscribe again if you wish."),
            (_, true) => ("رابط غير صالح", "هذا الرابط غير صحيح. استخدم الرابط كما ورد في الرسالة."),
            (_, false) => ("Invalid link", "This link is not valid. Use the link exactly as it appears in the message."),
        };
        return Page(list, title, $"<p>{Encode(message)}</p>");
    }

    /// <summary>The page a GET on an unsubscribe link shows: one button that POSTs, because mail scanners follow links.</summary>
    public static string ConfirmUnsubscribe(SubscriptionResult result, string token)
    {
        var arabic = IsArabic(result.List);
        var (title, message, button) = arabic
            ? ("إلغاء الاشتراك", $"إلغاء اشتراك {result.Email} في «{result.List?.Name}»؟", "نعم، ألغِ الاشتراك")
            : ("Unsubscribe", $"Stop sending \"{result.List?.Name}\" to {result.Email}?", "Yes, unsubscribe");
        var form = $"""
            <p>{Encode(message)}</p>
            <form method="post" action="/unsubscribe?token={Encode(Uri.EscapeDataString(token))}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">{Encode(button)}</button>
            </form>
            """;
        return Page(result.List, title, form);
    }

    /// <summary>A page about an unknown list speaks the default language.</summary>
    private static SubscriptionList Effective(SubscriptionList? list) => list ?? new SubscriptionList("", SubscriptionListsReader.DefaultLanguage);

    private static bool IsArabic(SubscriptionList? list) => Effective(list).Language.StartsWith("ar", StringComparison.OrdinalIgnoreCase);

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
