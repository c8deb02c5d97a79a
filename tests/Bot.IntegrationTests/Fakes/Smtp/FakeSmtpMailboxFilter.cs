using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>Answers RCPT TO as the server's script says, and cuts connections at MAIL FROM when told to.</summary>
internal sealed class FakeSmtpMailboxFilter(FakeSmtpServer server) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        if (server.TakeDrop(SmtpDropPoint.MailFrom))
        {
            context.Pipe.Dispose();
        }

        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        if (server.RefusalFor(to.AsAddress()) is { } refusal)
        {
            throw new SmtpServer.Protocol.SmtpResponseException(refusal);
        }

        return Task.FromResult(true);
    }
}
