using System.Net;
using System.Net.Sockets;
using Bot.Channels.Email;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.Smtp;
using MimeKit;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class EmailChannelSenderTests
{
    private static readonly string[] ThreeSubscribers = ["reader1@example.org", "reader2@example.net", "reader3@example.com"];

    [Theory]
    [InlineData(SmtpSecurity.None)]
    [InlineData(SmtpSecurity.StartTls)]
    public async Task SendAsync_ArabicMessageToThreeSubscribers_ArrivesIntact(SmtpSecurity security)
    {
        using var authority = TestCertificateAuthority.Create();
        await using var server = security == SmtpSecurity.None ? await FakeSmtpServer.StartAsync() : await FakeSmtpServer.StartTlsAsync(authority.Server);
        await using var sender = EmailSenderFactory.Create(SmtpTlsTests.Options(server.Port, security, security == SmtpSecurity.None ? null : authority.RootPemPath, poolSize: 2));
        var names = new[] { "أحمد", "فاطمة الزهراء", null };

        var outcomes = new List<SendOutcome>();
        for (var i = 0; i < ThreeSubscribers.Length; i++)
        {
            outcomes.Add(await sender.SendAsync(EmailTestMessages.Target(ThreeSubscribers[i]), EmailTestMessages.Arabic(ThreeSubscribers[i], names[i]), [], CancellationToken.None));
        }

        Assert.All(outcomes, outcome => Assert.IsType<SendOutcome.Sent>(outcome));
        Assert.Equal(3, server.Messages.Count);
        for (var i = 0; i < ThreeSubscribers.Length; i++)
        {
            var received = Assert.Single(server.Messages, m => m.EnvelopeTo.SequenceEqual([ThreeSubscribers[i]]));
            var message = received.Message;
            Assert.Equal("news@qudspress.example", received.EnvelopeFrom);
            var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
            Assert.Equal("وكالة قدس برس", from.Name);
            Assert.Equal("news@qudspress.example", from.Address);
            var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
            Assert.Equal(ThreeSubscribers[i], to.Address);
            Assert.Equal(names[i] ?? string.Empty, to.Name ?? string.Empty);
            Assert.Equal(EmailTestMessages.Subject, message.Subject);
            Assert.Equal(Assert.Single(outcomes[i].RemoteIds), message.MessageId);
            Assert.EndsWith("@qudspress.example", message.MessageId);
            Assert.True(DateTimeOffset.UtcNow - message.Date < TimeSpan.FromMinutes(1));

            var alternative = Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Equal(2, alternative.Count);
            Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
            Assert.Equal("text/html", alternative[1].ContentType.MimeType);
            Assert.Equal(EmailTestMessages.Arabic(ThreeSubscribers[i]).TextBody, message.TextBody);
            Assert.Contains("<html dir=\"rtl\" lang=\"ar\">", message.HtmlBody);
            Assert.Contains("الاحتلال يرتكب مجازر", message.HtmlBody);

            Assert.Equal($"<https://news.example.org/unsubscribe?token=tok-{Uri.EscapeDataString(ThreeSubscribers[i])}>", message.Headers[HeaderId.ListUnsubscribe]);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.Equal("ar", message.Body.Headers[HeaderId.ContentLanguage]);
            Assert.Equal("<ar.qudspress.example>", message.Headers[HeaderId.ListId]);
        }

        var rawHeaders = System.Text.Encoding.ASCII.GetString(server.Messages[0].Raw);
        Assert.Contains("Subject: =?utf-8?", rawHeaders);
        Assert.Equal(3, outcomes.SelectMany(o => o.RemoteIds).Distinct().Count());
    }

    [Fact]
    public async Task SendAsync_Recipient550AtRcpt_RejectedTargetGoneForThatRecipientOnly()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        server.Refuse("reader2@example.net", 550, "5.1.1 <reader2@example.net>: Recipient address rejected: User unknown");
        // One connection: a pool of two may open its second while the first is still resetting after the 550.
        await using var sender = EmailSenderFactory.Create(server, poolSize: 1);

        var outcomes = new Dictionary<string, SendOutcome>();
        foreach (var address in ThreeSubscribers)
        {
            outcomes[address] = await sender.SendAsync(EmailTestMessages.Target(address), EmailTestMessages.Arabic(address), [], CancellationToken.None);
        }

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcomes["reader2@example.net"]);
        Assert.True(rejected.TargetGone);
        Assert.Empty(rejected.RemoteIds);
        Assert.Contains("550", rejected.Reason);
        Assert.IsType<SendOutcome.Sent>(outcomes["reader1@example.org"]);
        Assert.IsType<SendOutcome.Sent>(outcomes["reader3@example.com"]);
        Assert.Equal(["reader1@example.org", "reader3@example.com"], server.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(1, server.SessionsOpened);
    }

    [Fact]
    public async Task SendAsync_Recipient451_RetryLaterThenDeliveredOnceTheServerStopsRefusing()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        server.Refuse("reader1@example.org", 451, "4.3.0 Mailbox temporarily unavailable, try again");
        await using var sender = EmailSenderFactory.Create(server);
        var message = EmailTestMessages.Arabic("reader1@example.org");

        var first = await sender.SendAsync(EmailTestMessages.Target("reader1@example.org"), message, [], CancellationToken.None);
        server.StopRefusing("reader1@example.org");
        var second = await sender.SendAsync(EmailTestMessages.Target("reader1@example.org"), message, first.RemoteIds, CancellationToken.None);

        var retry = Assert.IsType<SendOutcome.RetryLater>(first);
        Assert.Empty(retry.RemoteIds);
        Assert.Contains("451", retry.Reason);
        var sent = Assert.IsType<SendOutcome.Sent>(second);
        Assert.Equal(Assert.Single(server.Messages).Message.MessageId, Assert.Single(sent.RemoteIds));
    }

    [Theory]
    [InlineData(SmtpDropPoint.MailFrom, 1)]
    [InlineData(SmtpDropPoint.MailFrom, 5)]
    [InlineData(SmtpDropPoint.EndOfData, 1)]
    [InlineData(SmtpDropPoint.EndOfData, 5)]
    public async Task SendAsync_ConnectionDroppedMidFanOut_EveryMessageDeliveredExactlyOnce(SmtpDropPoint at, int drops)
    {
        await using var server = await FakeSmtpServer.StartAsync();
        server.DropConnections(afterMessages: 7, drops, at);
        await using var sender = EmailSenderFactory.Create(server, poolSize: 2);
        var recipients = Enumerable.Range(1, 20).Select(i => $"reader{i}@example.org").ToList();

        var pending = recipients;
        var rounds = 0;
        var retried = 0;
        while (pending.Count > 0 && rounds++ < 10)
        {
            var outcomes = await Task.WhenAll(pending.Select(async address =>
                (address, outcome: await sender.SendAsync(EmailTestMessages.Target(address), EmailTestMessages.Arabic(address), [], CancellationToken.None))));
            Assert.All(outcomes, o => Assert.True(o.outcome is SendOutcome.Sent or SendOutcome.RetryLater, o.outcome.ToString()));
            pending = outcomes.Where(o => o.outcome is SendOutcome.RetryLater).Select(o => o.address).ToList();
            retried += pending.Count;
        }

        Assert.Empty(pending);
        Assert.Equal(recipients.Order(), server.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.True(server.SessionsOpened > 2, "the server must really have cut connections");
        if (drops == 1)
        {
            Assert.Equal(0, retried);
        }
    }

    [Fact]
    public async Task SendAsync_FiftyMessagesWithPoolOfTwo_ReusesAtMostTwoSessions()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        await using var sender = EmailSenderFactory.Create(server, poolSize: 2);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            sender.SendAsync(EmailTestMessages.Target($"r{i}@example.org"), EmailTestMessages.Arabic($"r{i}@example.org"), [], CancellationToken.None)));

        Assert.All(outcomes, outcome => Assert.IsType<SendOutcome.Sent>(outcome));
        Assert.Equal(50, server.Messages.Count);
        Assert.InRange(server.SessionsOpened, 1, 2);
        Assert.InRange(server.Messages.Select(m => m.SessionId).Distinct().Count(), 1, 2);
    }

    [Fact]
    public async Task SendAsync_CorrectCredentials_AuthenticatesAndSends()
    {
        await using var server = await FakeSmtpServer.StartAsync("bot", "s3cret");
        var options = EmailSenderFactory.Options(server.Port);
        options.Smtp.Username = "bot";
        options.Smtp.Password = "s3cret";
        await using var sender = EmailSenderFactory.Create(options);

        var outcome = await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ChannelUnavailable()
    {
        await using var server = await FakeSmtpServer.StartAsync("bot", "s3cret");
        var options = EmailSenderFactory.Options(server.Port);
        options.Smtp.Username = "bot";
        options.Smtp.Password = "wrong";
        await using var sender = EmailSenderFactory.Create(options);

        var outcome = await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.DoesNotContain("wrong", unavailable.Reason);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_NothingListening_RetryLater()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var sender = EmailSenderFactory.Create(EmailSenderFactory.Options(port));

        var outcome = await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);

        Assert.IsType<SendOutcome.RetryLater>(outcome);
    }

    [Fact]
    public async Task SendAsync_ServerNeverGreets_RetryLaterOnceTheReadTimesOut()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepting = listener.AcceptSocketAsync();
        var options = EmailSenderFactory.Options(((IPEndPoint)listener.LocalEndpoint).Port);
        options.Smtp.Timeout = TimeSpan.FromMilliseconds(300);
        await using var sender = EmailSenderFactory.Create(options);

        var outcome = await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);

        using var silent = await accepting;
        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Contains("timed out", retry.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_AlreadySent_ReturnsTheSameIdWithoutSending()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        await using var sender = EmailSenderFactory.Create(server);

        var outcome = await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), ["abc@qudspress.example"], CancellationToken.None);

        Assert.Equal(["abc@qudspress.example"], Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        Assert.Empty(server.Messages);
        Assert.Equal(0, server.SessionsOpened);
    }

    [Fact]
    public async Task EditAndDeleteAsync_NeverTouchTheServer_AndKeepTheIds()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        await using var sender = EmailSenderFactory.Create(server);
        string[] ids = ["abc@qudspress.example"];

        var edited = await sender.EditAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), ids, CancellationToken.None);
        var deleted = await sender.DeleteAsync(EmailTestMessages.Target("a@example.org"), ids, CancellationToken.None);

        Assert.Equal(ids, Assert.IsType<SendOutcome.Sent>(edited).RemoteIds);
        Assert.Equal(ids, Assert.IsType<SendOutcome.Sent>(deleted).RemoteIds);
        Assert.Equal(0, server.SessionsOpened);
        Assert.Equal(ChannelNames.Email, sender.Channel);
    }

    [Fact]
    public async Task DisposeAsync_Twice_SecondReturnsAtOnce()
    {
        await using var server = await FakeSmtpServer.StartAsync();
        var sender = EmailSenderFactory.Create(server);
        await sender.SendAsync(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"), [], CancellationToken.None);

        await sender.DisposeAsync();
        var second = sender.DisposeAsync().AsTask();

        Assert.True(second.IsCompletedSuccessfully, "a second dispose must not wait for connections the first one closed");
    }
}
