using System.Runtime.CompilerServices;
using Bot.Channels.Email;
using MimeKit;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class EmailMimeComposerTests
{
    [Fact]
    public void Compose_ManyMessages_NoneKeptAliveByTheComposer()
    {
        var composer = Composer();

        var composed = ComposeAndForget(composer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(composed.IsAlive, "a composed message is still reachable from the composer");
        GC.KeepAlive(composer);
    }

    [Fact]
    public void Compose_HttpUnsubscribeLink_NoOneClickHeader()
    {
        var composer = Composer();

        var message = composer.Compose(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org") with { UnsubscribeUrl = "http://localhost:8080/unsubscribe?token=x" });

        Assert.Equal("<http://localhost:8080/unsubscribe?token=x>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.False(message.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Fact]
    public void Compose_NoUnsubscribeLink_NoListUnsubscribeHeaders()
    {
        var composer = Composer();

        var message = composer.Compose(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org") with { UnsubscribeUrl = null });

        Assert.False(message.Headers.Contains(HeaderId.ListUnsubscribe));
        Assert.False(message.Headers.Contains("List-Unsubscribe-Post"));
    }

    private static EmailMimeComposer Composer() =>
        new(new EmailMimeBuilder(EmailSenderFactory.From, TimeProvider.System), MailboxAddress.Parse(EmailSenderFactory.From));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ComposeAndForget(EmailMimeComposer composer)
    {
        var message = composer.Compose(EmailTestMessages.Target("a@example.org"), EmailTestMessages.Arabic("a@example.org"));
        return new WeakReference(message);
    }
}
