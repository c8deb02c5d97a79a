using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>Parses every accepted message with MimeKit and hands it to the server's journal.</summary>
internal sealed class FakeSmtpMessageStore(FakeSmtpServer server) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (server.TakeDrop(SmtpDropPoint.EndOfData))
        {
            context.Pipe.Dispose();
            return SmtpResponse.TransactionFailed;
        }

        var raw = buffer.ToArray();
        using var stream = new MemoryStream(raw);
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        server.Accept(new ReceivedEmail(
            transaction.From.AsAddress(),
            transaction.To.Select(to => to.AsAddress()).ToList(),
            context.SessionId,
            message,
            raw,
            context.Pipe.IsSecure));
        return SmtpResponse.Ok;
    }
}
