using System.Net;
using System.Net.Security;
using System.Text;
using MailKit.Net.Smtp;

namespace Bot.Channels.Email;

/// <summary>
/// Secures a fresh session as <c>Email:Smtp:Security</c> says, before MailKit's client takes it over: TLS from the
/// first byte, or greeting, EHLO and STARTTLS in clear and then TLS. Doing it here rather than in MailKit gives the
/// TLS stream to <see cref="PipelinedSmtpTransaction"/> (MailKit keeps its own to itself) and the certificate check
/// to <see cref="RelayCertificateTrust"/>. A server that does not offer STARTTLS gets nothing: MailKit's own
/// <c>Auto</c> would carry on in clear, which is what an attacker who deletes STARTTLS from the answer wants.
/// </summary>
internal sealed class SmtpTlsHandshake(SmtpOptions options, RelayCertificateTrust trust)
{
    /// <summary>
    /// The stream MailKit's client should speak plain SMTP over, and the TLS stream under it (null when
    /// <see cref="SmtpSecurity.None"/>). After STARTTLS the server does not greet again, so the stream replays the
    /// first greeting to the client, which then says EHLO over TLS as RFC 3207 asks.
    /// </summary>
    public async Task<(Stream Client, SslStream? Tls)> SecureAsync(Stream network, string host, string localDomain, CancellationToken cancellationToken)
    {
        switch (SmtpConnection.SocketOptions(options.Security, options.Port))
        {
            case MailKit.Security.SecureSocketOptions.None:
                return (network, null);
            case MailKit.Security.SecureSocketOptions.SslOnConnect:
                var direct = await AuthenticateAsync(network, host, cancellationToken).ConfigureAwait(false);
                return (direct, direct);
        }

        var replies = new SmtpReplyReader(network);
        var greeting = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        Expect(greeting, 220);
        await network.WriteAsync(Encoding.ASCII.GetBytes($"EHLO {localDomain}\r\n"), cancellationToken).ConfigureAwait(false);
        var hello = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        Expect(hello, 250);
        if (!hello.Text.Split('\n').Any(line => line.Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SmtpTlsException($"{host}:{options.Port} does not offer STARTTLS, and Email:Smtp:Security={options.Security} never sends in clear");
        }

        await network.WriteAsync("STARTTLS\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var ready = await replies.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (ready.Code != 220)
        {
            throw new SmtpTlsException($"{host}:{options.Port} refused STARTTLS: {ready.Code} {FirstLine(ready.Text)}");
        }

        if (replies.HasUnread)
        {
            // Bytes that came in clear after the 220 would be read as if they came over TLS (CVE-2011-0411's class).
            throw new SmtpTlsException($"{host}:{options.Port} sent data in clear after agreeing to STARTTLS");
        }

        var tls = await AuthenticateAsync(network, host, cancellationToken).ConfigureAwait(false);
        return (new ReplayedGreetingStream(Encoding.ASCII.GetBytes($"220 {FirstLine(greeting.Text)}\r\n"), tls), tls);
    }

    /// <summary>The name for EHLO: <c>Email:Smtp:LocalDomain</c>, else the local address as an RFC 5321 address literal.</summary>
    public static string LocalDomain(SmtpOptions options, EndPoint? local) => options.LocalDomain switch
    {
        { Length: > 0 } name => name,
        _ => local is IPEndPoint { Address: var address }
            ? address.IsIPv4MappedToIPv6 ? $"[{address.MapToIPv4()}]"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[IPv6:{address}]" : $"[{address}]"
            : "localhost",
    };

    private async Task<SslStream> AuthenticateAsync(Stream network, string host, CancellationToken cancellationToken)
    {
        string? problem = null;
        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(host, certificate, chain, errors, out problem),
                },
                cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (System.Security.Authentication.AuthenticationException exception)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new SmtpTlsException($"TLS with {host}:{options.Port} failed: {problem ?? FirstLine(exception.Message)}", exception);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void Expect(SmtpReply reply, int code)
    {
        if (reply.Code != code)
        {
            throw new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, (SmtpStatusCode)reply.Code, reply.Text);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
