using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Email;

/// <summary>
/// One reusable SMTP session: MailKit's client connects, says EHLO, authenticates and says QUIT, and sends what
/// <see cref="PipelinedSmtpTransaction"/> cannot. It belongs to one <see cref="SmtpConnectionWorker"/>.
/// </summary>
internal sealed class SmtpConnection(SmtpOptions options, ILogger logger) : IDisposable
{
    private SmtpClient? client;
    private PipelinedSmtpTransaction? pipelined;

    /// <summary>The pipelined steps for this session, when it is plain and its server offers PIPELINING; null while not connected.</summary>
    public PipelinedSmtpTransaction? Pipelined => pipelined;

    /// <summary>What the connection was doing last, to tell a refused login from a refused recipient.</summary>
    public SmtpPhase Phase { get; private set; } = SmtpPhase.Connect;

    /// <summary>A connected, authenticated client: the open one, or a fresh one when the old one has gone.</summary>
    public async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            Phase = SmtpPhase.Send;
            return client;
        }

        Drop();
        Phase = SmtpPhase.Connect;
        var fresh = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(options.LocalDomain))
        {
            fresh.LocalDomain = options.LocalDomain;
        }

        try
        {
            var host = options.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
            var socket = await OpenSocketAsync(host, options.Port, cancellationToken).ConfigureAwait(false);
            BufferedSocketStream? plain = null;
            if (options.Security == SmtpSecurity.None)
            {
                plain = new BufferedSocketStream(socket);
                await fresh.ConnectAsync(plain, host, options.Port, SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // TLS sessions keep MailKit's own socket stream: TLS is not exercised by the tests here.
                await fresh.ConnectAsync(socket, host, options.Port, SocketOptions(options.Security), cancellationToken).ConfigureAwait(false);
            }

            if (!string.IsNullOrWhiteSpace(options.Username))
            {
                if (fresh.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    Phase = SmtpPhase.Authenticate;
                    await fresh.AuthenticateAsync(options.Username, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    EmailChannelLog.AuthNotOffered(logger, options.Host!, options.Port);
                }
            }

            // MailKit has read every reply up to here, so the session stream is idle between messages and both
            // can take turns on it.
            pipelined = plain is not null && fresh.Capabilities.HasFlag(SmtpCapabilities.Pipelining)
                ? new PipelinedSmtpTransaction(plain)
                : null;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        EmailChannelLog.Connected(logger, options.Host!, options.Port, fresh.IsSecure);
        client = fresh;
        Phase = SmtpPhase.Send;
        return fresh;
    }

    /// <summary>Forgets the session without a QUIT: after a failure the stream cannot be trusted.</summary>
    public void Drop()
    {
        client?.Dispose();
        client = null;
        pipelined = null;
    }

    /// <summary>Says goodbye politely when the session is still up.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true } open)
        {
            try
            {
                await open.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (SmtpFailureReader.Read(exception, SmtpPhase.Send) is not null)
            {
                // The server going away during QUIT changes nothing.
            }
        }

        Drop();
    }

    public void Dispose() => Drop();

    /// <summary>
    /// Opens the TCP connection with Nagle's algorithm off. MailKit writes a message's last bytes and its
    /// final dot in separate small segments; with Nagle on, the second waits for the server's delayed ACK
    /// (40 ms on Linux) and a session tops out near 20 messages a second.
    /// </summary>
    private async Task<Socket> OpenSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Connecting to {host}:{port} took longer than {options.Timeout}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
