using Bot.Core.Articles;
using Bot.Core.Channels;

namespace Bot.IntegrationTests.Email;

/// <summary>Throwaway Arabic announcements and targets for the email tests.</summary>
internal static class EmailTestMessages
{
    public const string Subject = "«حماس»: الاحتلال يرتكب مجازر جديدة في قطاع غزة";

    public static DeliveryTarget Target(string address) => new(ChannelNames.Email, "أخبار-ar", address);

    public static EmailMessage Arabic(string to, string? name = null) => new(
        to,
        name,
        Subject,
        $"""
        <!DOCTYPE html>
        <html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>{Subject}</title></head>
        <body dir="rtl" style="direction:rtl;text-align:right">
        <div dir="rtl" lang="ar" style="direction:rtl;text-align:right">
        <h1>{Subject}</h1>
        <p>قال المتحدث باسم الحركة إن "الاحتلال" يواصل عدوانه.</p>
        <p><a href="https://news.example.org/u/{Uri.EscapeDataString(to)}">إلغاء الاشتراك</a></p>
        </div></body></html>
        """,
        $"{Subject}\n\nقال المتحدث باسم الحركة إن \"الاحتلال\" يواصل عدوانه.\n\nإلغاء الاشتراك: https://news.example.org/u/{Uri.EscapeDataString(to)}\n",
        "ar",
        TextDirection.Rtl,
        $"https://news.example.org/unsubscribe?token=tok-{Uri.EscapeDataString(to)}");
}
