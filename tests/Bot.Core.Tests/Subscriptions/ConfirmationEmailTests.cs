using Bot.Core.Articles;
using Bot.Core.Subscriptions;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class ConfirmationEmailTests
{
    [Fact]
    public void Build_ArabicList_RightToLeftWithTheLinkAndNoUnsubscribeHeader()
    {
        var mail = ConfirmationEmail.Build(new ConfirmationRequest(new SubscriptionList("أخبار", "ar"), "a@example.org", "أحمد", "https://news.example.org/confirm?token=abc&x=1"));

        Assert.Equal("a@example.org", mail.To);
        Assert.Equal("أحمد", mail.ToName);
        Assert.Contains("أخبار", mail.Subject);
        Assert.Equal(TextDirection.Rtl, mail.Direction);
        Assert.Contains("<html dir=\"rtl\" lang=\"ar\">", mail.HtmlBody);
        Assert.Contains("href=\"https://news.example.org/confirm?token=abc&amp;x=1\"", mail.HtmlBody);
        Assert.Contains("\u2066https://news.example.org/confirm?token=abc&x=1\u2069", mail.TextBody);
        Assert.Null(mail.UnsubscribeUrl);
    }

    [Fact]
    public void Build_EnglishList_LeftToRight()
    {
        var mail = ConfirmationEmail.Build(new ConfirmationRequest(new SubscriptionList("sport", "en"), "a@example.org", null, "https://x.example/confirm?token=t"));

        Assert.Equal(TextDirection.Ltr, mail.Direction);
        Assert.Contains("<html dir=\"ltr\" lang=\"en\">", mail.HtmlBody);
        Assert.StartsWith("Confirm your subscription", mail.Subject);
    }

    [Fact]
    public void Build_AlreadySubscribed_SaysSoAndOffersTheUnsubscribeLink()
    {
        var link = "https://x.example/unsubscribe?token=t";

        var mail = ConfirmationEmail.Build(new ConfirmationRequest(new SubscriptionList("sport", "en"), "a@example.org", null, link, ConfirmationKind.AlreadySubscribed));

        Assert.Equal("You are subscribed to \"sport\"", mail.Subject);
        Assert.Contains($"\u2066{link}\u2069", mail.TextBody);
        Assert.Contains(">Unsubscribe</a>", mail.HtmlBody);
        Assert.DoesNotContain("confirm", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }
}
