using System.Text;
using Bot.Channels.Email;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.Smtp;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// A failed exchange's text becomes a delivery's stored error, an audit entry and a log line, so what a server
/// quotes back must lose credentials and link tokens first. Against a scripted SMTP server that echoes them.
/// </summary>
public sealed class SmtpSecretRedactionTests
{
    private const string User = "bot@qudspress.example";
    private const string Password = "correct-horse-battery-staple";

    [Fact]
    public async Task SendAsync_ServerEchoesTheAuthResponse_ReasonHoldsNoCredential()
    {
        using var listener = ScriptedSmtpSession.Listen();
        var options = EmailSenderFactory.Options(((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
        options.Smtp.Username = User;
        options.Smtp.Password = Password;
        await using var sender = EmailSenderFactory.Create(options);

        var sending = sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener, "AUTH PLAIN");
        var auth = await session.ReadLineAsync();
        string initial;
        if (auth == "AUTH PLAIN")
        {
            await session.SendAsync("334 ");
            initial = await session.ReadLineAsync();
        }
        else
        {
            initial = auth["AUTH PLAIN ".Length..];
        }

        await session.SendAsync($"535 5.7.8 Authentication failed: AUTH PLAIN {initial} (password {Password} refused)");
        var outcome = await sending;

        var reason = Assert.IsType<SendOutcome.Unavailable>(outcome).Reason;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{User}\0{Password}")), initial);
        Assert.StartsWith("SMTP AUTH: 535", reason);
        Assert.DoesNotContain(initial, reason);
        Assert.DoesNotContain(Password, reason);
        Assert.Contains("AUTH PLAIN ***", reason);
    }

    [Fact]
    public async Task SendAsync_ContentFilterQuotesTheUnsubscribeLink_ReasonHoldsNoToken()
    {
        using var listener = ScriptedSmtpSession.Listen();
        await using var sender = EmailSenderFactory.Create(EmailSenderFactory.Options(((System.Net.IPEndPoint)listener.LocalEndpoint).Port));

        var sending = sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener);
        await session.ReadLineAsync();
        await session.SendAsync("250 2.1.0 Ok");
        await session.ReadLineAsync();
        await session.SendAsync("250 2.1.5 Ok");
        await session.ReadLineAsync();
        await session.SendAsync("354 End data with <CR><LF>.<CR><LF>");
        await session.ReadDataAsync();
        await session.SendAsync("554 5.7.1 Rejected: https://news.example.org/unsubscribe?token=AgSecretTokenValue_-42 looks like spam");
        var outcome = await sending;

        var reason = Assert.IsType<SendOutcome.Rejected>(outcome).Reason;
        Assert.Equal("SMTP DATA: 554 5.7.1 Rejected: https://news.example.org/unsubscribe?token=*** looks like spam", reason);
    }

    [Theory]
    [InlineData("535 5.7.8 auth failed for " + Password, "535 5.7.8 auth failed for ***")]
    [InlineData("500 unrecognised: AUTH LOGIN Y29ycmVjdC1ob3JzZQ==", "500 unrecognised: AUTH LOGIN ***")]
    [InlineData("550 5.1.1 <a@example.org>: Recipient address rejected", "550 5.1.1 <a@example.org>: Recipient address rejected")]
    [InlineData("refused: <a href=\"https://x.example/confirm?a=1&amp;token=abc\">", "refused: <a href=\"https://x.example/confirm?a=1&amp;token=***\">")]
    public void Redact_Texts_LoseSecretsKeepTheRest(string text, string expected)
    {
        var redactor = new SmtpSecretRedactor(new SmtpOptions { Username = User, Password = Password });

        Assert.Equal(expected, redactor.Redact(text));
    }
}
