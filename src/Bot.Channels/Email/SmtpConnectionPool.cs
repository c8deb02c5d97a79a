using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Email;

/// <summary>
/// A fixed set of SMTP connections opened lazily and reused: opening a session (TCP, TLS, EHLO, AUTH) costs
/// far more than a message, and relays throttle clients that reconnect for every mail.
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly Channel<SmtpConnection> idle;
    private readonly List<SmtpConnection> all;

    public SmtpConnectionPool(SmtpOptions options, ILogger logger)
    {
        all = Enumerable.Range(0, options.PoolSize).Select(_ => new SmtpConnection(options, logger)).ToList();
        idle = Channel.CreateBounded<SmtpConnection>(options.PoolSize);
        foreach (var connection in all)
        {
            idle.Writer.TryWrite(connection);
        }
    }

    /// <summary>Waits for a free connection; give it back with <see cref="Return"/>.</summary>
    public ValueTask<SmtpConnection> RentAsync(CancellationToken cancellationToken) => idle.Reader.ReadAsync(cancellationToken);

    public void Return(SmtpConnection connection) => idle.Writer.TryWrite(connection);

    /// <summary>Sends QUIT on every connection once its current send is over; gives up on stragglers after a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            for (var i = 0; i < all.Count; i++)
            {
                var connection = await idle.Reader.ReadAsync(quit.Token).ConfigureAwait(false);
                await connection.CloseAsync(quit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            foreach (var connection in all)
            {
                connection.Drop();
            }
        }
    }
}
