using System.Net;
using Bot.IntegrationTests.Fakes.Smtp;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>The whole <c>bot run</c> process serving double opt-in, with its mail going to an in-process SMTP server.</summary>
public sealed class SubscriptionRunTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new();
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int port = FreePort.Next();
    private FakeSmtpServer smtp = null!;
    private BotProcess? bot;

    private string Root => $"http://127.0.0.1:{port}";

    public async Task InitializeAsync() => smtp = await FakeSmtpServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await smtp.DisposeAsync();
        http.Dispose();
        dir.Dispose();
    }

    [Fact]
    public async Task Run_SubscribeConfirmUnsubscribe_OverHttpWithRealMail()
    {
        dir.Write("config/appsettings.json", $$"""
            {
              "Http": { "Urls": "{{Root}}" },
              "Email": {
                "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "Security": "None" },
                "From": "وكالة قدس برس <news@qudspress.example>",
                "PublicBaseUrl": "https://news.example.org",
                "Destinations": [ { "Name": "أخبار" } ]
              }
            }
            """);
        bot = BotProcess.Start(dir.Path, "run");
        await Eventually.HoldsAsync(async () => await AnswersAsync("/healthz"), "/healthz answers 200");

        var subscribed = await http.PostAsync($"{Root}/subscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "reader@example.org", ["name"] = "أحمد" }));
        await Eventually.HoldsAsync(() => smtp.Messages.Count == 1, "the confirmation mail arrives");
        var mail = smtp.Messages[0].Message;
        var token = SubscriptionHttpApp.TokenIn(mail.TextBody);
        var page = await http.GetAsync($"{Root}/confirm?token={token}");
        var afterGet = await BotProcess.RunAsync(dir.Path, "subscribers", "list");
        var confirmed = await http.PostAsync($"{Root}/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        var listed = await BotProcess.RunAsync(dir.Path, "subscribers", "list");

        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        Assert.Contains("https://news.example.org/confirm?token=", mail.TextBody);
        Assert.Contains($"<input type=\"hidden\" name=\"token\" value=\"{token}\">", await page.Content.ReadAsStringAsync());
        Assert.Equal("reader@example.org\tpending\tأخبار\tأحمد", Assert.Single(afterGet.OutputLines));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("reader@example.org\tactive\tأخبار\tأحمد", Assert.Single(listed.OutputLines));
    }

    [Fact]
    public async Task Run_ArticleToAList_MailCarriesAWorkingOneClickLink()
    {
        dir.Write("config/appsettings.json", $$"""
            {
              "Http": { "Urls": "{{Root}}" },
              "Sources": { "Seed": "" },
              "Email": {
                "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "Security": "None" },
                "From": "وكالة قدس برس <news@qudspress.example>",
                "PublicBaseUrl": "https://news.example.org",
                "Destinations": [ { "Name": "أخبار" } ]
              }
            }
            """);
        var added = await BotProcess.RunAsync(dir.Path, "subscribers", "add", "reader@example.org", "--name", "أحمد");
        Assert.True(added.ExitCode == 0, added.ToString());
        bot = BotProcess.Start(dir.Path, "run");
        await Eventually.HoldsAsync(async () => await AnswersAsync("/healthz"), "/healthz answers 200");

        dir.Write("data/inbox/article.txt", Articles.Text("خبر للاختبار"));
        await Eventually.HoldsAsync(() => smtp.Messages.Count == 1, "the announcement reaches the subscriber");
        var mail = smtp.Messages[0].Message;
        var link = (mail.Headers[MimeKit.HeaderId.ListUnsubscribe] ?? string.Empty).Trim('<', '>');
        var oneClick = await http.PostAsync(
            $"{Root}/unsubscribe?token={SubscriptionHttpApp.TokenIn(link)}",
            new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        var listed = await BotProcess.RunAsync(dir.Path, "subscribers", "list");

        Assert.Equal(["reader@example.org"], smtp.Messages[0].EnvelopeTo);
        Assert.StartsWith("https://news.example.org/unsubscribe?token=", link);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal("reader@example.org\tunsubscribed\tأخبار\tأحمد", Assert.Single(listed.OutputLines));
    }

    private async Task<bool> AnswersAsync(string path)
    {
        if (bot!.HasExited)
        {
            throw new Xunit.Sdk.XunitException($"bot run exited early:\n{await bot.WaitForExitAsync()}");
        }

        try
        {
            return (await http.GetAsync(Root + path)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
