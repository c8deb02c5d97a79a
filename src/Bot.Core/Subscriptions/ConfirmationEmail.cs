using System.Net;
using Bot.Core.Articles;
using Bot.Core.Channels;

namespace Bot.Core.Subscriptions;

/// <summary>
/// The mail that answers a subscription request: the link and nothing else. No news content, so that a request
/// made in someone else's name puts nothing unwanted in their inbox beyond this one message.
/// </summary>
public static class ConfirmationEmail
{
    public static EmailMessage Build(ConfirmationRequest request)
    {
        var arabic = request.List.IsRightToLeft && request.List.Language.StartsWith("ar", StringComparison.OrdinalIgnoreCase);
        var (subject, lead, button, ignore) = Texts(request.Kind, request.List.Name, arabic);
        var url = request.Link;

        var direction = request.List.IsRightToLeft ? TextDirection.Rtl : TextDirection.Ltr;
        var dir = direction == TextDirection.Rtl ? "rtl" : "ltr";
        var align = direction == TextDirection.Rtl ? "right" : "left";
        var lang = WebUtility.HtmlEncode(request.List.Language);
        var html = $"""
            <!DOCTYPE html>
            <html dir="{dir}" lang="{lang}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body dir="{dir}" style="direction:{dir};text-align:{align}">
            <div dir="{dir}" lang="{lang}" style="direction:{dir};text-align:{align};font-family:sans-serif;font-size:16px">
            <p>{WebUtility.HtmlEncode(lead)}</p>
            <p><a href="{WebUtility.HtmlEncode(url)}" style="display:inline-block;padding:10px 16px;background:#1a5c2e;color:#ffffff;text-decoration:none">{WebUtility.HtmlEncode(button)}</a></p>
            <p dir="ltr" style="direction:ltr;text-align:left;font-size:12px"><bdi>{WebUtility.HtmlEncode(url)}</bdi></p>
            <p>{WebUtility.HtmlEncode(ignore)}</p>
            </div></body></html>
            """;

        // The URL sits on its own line, isolated left-to-right so an RTL paragraph cannot reorder its parts.
        var text = $"{lead}\n\n\u2066{url}\u2069\n\n{ignore}\n";
        return new EmailMessage(request.Email, request.Name, subject, html, text, request.List.Language, direction, null);
    }

    private static (string Subject, string Lead, string Button, string Ignore) Texts(ConfirmationKind kind, string list, bool arabic) => (kind, arabic) switch
    {
        (ConfirmationKind.Confirm, true) => (
            $"أكّد اشتراكك في «{list}»",
            $"طلب أحدهم اشتراك هذا العنوان في النشرة «{list}». لتأكيد الاشتراك افتح الرابط التالي خلال 48 ساعة:",
            "تأكيد الاشتراك",
            "إن لم تطلب ذلك فتجاهل هذه الرسالة، ولن يصلك منّا شيء."),
        (ConfirmationKind.Confirm, false) => (
            $"Confirm your subscription to \"{list}\"",
            $"Someone asked to subscribe this address to \"{list}\". To confirm, open this link within 48 hours:",
            "Confirm subscription",
            "If this was not you, ignore this message and you will hear nothing more from us."),
        (_, true) => (
            $"أنت مشترك في «{list}»",
            $"طلب أحدهم اشتراك هذا العنوان في النشرة «{list}»، وهو مشترك فيها من قبل، فلا حاجة إلى أي خطوة. إن أردت إيقاف النشرة فافتح الرابط التالي:",
            "إلغاء الاشتراك",
            "إن أردت البقاء مشتركًا فتجاهل هذه الرسالة."),
        (_, false) => (
            $"You are subscribed to \"{list}\"",
            $"Someone asked to subscribe this address to \"{list}\", and it is subscribed already: there is nothing to do. To stop receiving it, open this link:",
            "Unsubscribe",
            "To stay subscribed, ignore this message."),
    };
}
