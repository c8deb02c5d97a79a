using System.Net.Security;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Email;

/// <summary>
/// One reusable SMTP session: <see cref="SmtpTlsHandshake"/> secures it, then MailKit's client says EHLO,
/// authenticates, says QUIT and sends what <see cref="PipelinedSmtpTransaction"/> cannot. It belongs to one <see cref="SmtpConnectionWorker"/>.
/// </summary>
internal sealed class SmtpConnection(SmtpOptions options, RelayCertificateTrust trust, ILogger logger) : IDisposable
{
    private readonly SmtpTlsHandshake handshake = new(options, trust);
    private SmtpClient? client;
    private PipelinedSmtpTransaction? pipelined;

    /// <summary>The pipelined steps for this session, when its server offers PIPELINING; null while not connected.</summary>
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
        var timeout = (int)options.Timeout.TotalMilliseconds;
        var fresh = new SmtpClient { Timeout = timeout };
        SslStream? tls;
        try
        {
            var host = options.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
            var socket = await OpenSocketAsync(host, options.Port, cancellationToken).ConfigureAwait(false);
            // TLS records collect here too, until a flush or a read sends them.
            var network = new BufferedSocketStream(socket) { ReadTimeout = timeout, WriteTimeout = timeout };
            fresh.LocalDomain = SmtpTlsHandshake.LocalDomain(options, socket.LocalEndPoint);
            Stream session;
            try
            {
                (session, tls) = await handshake.SecureAsync(network, host, fresh.LocalDomain, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await network.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            // MailKit speaks plain SMTP over the session; the TLS, when configured, is underneath and already checked.
            await fresh.ConnectAsync(session, host, options.Port, SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);

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

            // MailKit has read every reply up to here, so the session stream (the TLS stream on a secure session) is
            // idle between messages and both can take turns on it.
            pipelined = fresh.Capabilities.HasFlag(SmtpCapabilities.Pipelining)
                ? new PipelinedSmtpTransaction(tls is null ? network : tls)
                : null;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        EmailChannelLog.Connected(logger, options.Host!, options.Port, tls is not null);
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

    /// <summary>
    /// The TLS mode for <c>Email:Smtp:Security</c>. MailKit's own <see cref="SecureSocketOptions.Auto"/> means STARTTLS
    /// only when offered, so a network attacker who deletes STARTTLS from the server's answer would get plain text;
    /// ours requires TLS.
    /// </summary>
    internal static SecureSocketOptions SocketOptions(SmtpSecurity security, int port) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto when port == 465 => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
