using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>
/// One SMTP session on 127.0.0.1 driven line by line by the test: nothing is answered until the test says so, so a
/// test can hold a reply back until the client has sent what it should have sent without waiting for it.
/// </summary>
public sealed class ScriptedSmtpSession : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Socket socket;
    private Stream stream;
    private StreamReader reader;

    private ScriptedSmtpSession(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = new StreamReader(stream, Encoding.Latin1);
    }

    /// <summary>Accepts the next connection on <paramref name="listener"/>, greets it and answers its EHLO with <paramref name="extensions"/>.</summary>
    public static Task<ScriptedSmtpSession> AcceptAsync(TcpListener listener, params string[] extensions) =>
        AcceptAsync(listener, ScriptedTls.None, null, extensions);

    /// <summary>
    /// As <see cref="AcceptAsync(TcpListener, string[])"/>, secured with <paramref name="certificate"/>: TLS from the
    /// first byte, or STARTTLS offered in the first EHLO answer, taken, and EHLO answered again over TLS.
    /// </summary>
    public static async Task<ScriptedSmtpSession> AcceptAsync(TcpListener listener, ScriptedTls tls, X509Certificate2? certificate, params string[] extensions)
    {
        var session = new ScriptedSmtpSession(await listener.AcceptSocketAsync().WaitAsync(Patience));
        if (tls == ScriptedTls.Implicit)
        {
            await session.UpgradeAsync(certificate!);
        }

        await session.SendAsync("220 scripted.test ESMTP");
        if (tls == ScriptedTls.StartTls)
        {
            await session.AnswerHelloAsync([.. extensions, "STARTTLS"]);
            var command = await session.ReadLineAsync();
            if (command != "STARTTLS")
            {
                throw new InvalidOperationException($"expected STARTTLS, got {command}");
            }

            await session.SendAsync("220 2.0.0 Ready to start TLS");
            await session.UpgradeAsync(certificate!);
        }

        await session.AnswerHelloAsync(extensions);
        return session;
    }

    public static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>Sends reply lines (CRLF added after each).</summary>
    public async Task SendAsync(params string[] lines) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Concat(lines.Select(line => line + "\r\n"))));

    public async Task<string> ReadLineAsync() =>
        await reader.ReadLineAsync().WaitAsync(Patience) ?? throw new IOException("the client closed the connection");

    /// <summary>The message lines as sent after DATA, up to the final dot (not included), dots still doubled.</summary>
    public async Task<IReadOnlyList<string>> ReadDataAsync()
    {
        var lines = new List<string>();
        for (var line = await ReadLineAsync(); line != "."; line = await ReadLineAsync())
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The message of <see cref="ReadDataAsync"/> with the transparency dots removed (RFC 5321 4.5.2).</summary>
    public static byte[] Unstuff(IReadOnlyList<string> lines) =>
        Encoding.Latin1.GetBytes(string.Concat(lines.Select(line => (line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line) + "\r\n")));

    private async Task AnswerHelloAsync(IEnumerable<string> extensions)
    {
        var hello = await ReadLineAsync();
        if (!hello.StartsWith("EHLO ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"expected EHLO, got {hello}");
        }

        var lines = new[] { "scripted.test" }.Concat(extensions).ToList();
        await SendAsync(string.Join("\r\n", lines.Select((line, i) => (i == lines.Count - 1 ? "250 " : "250-") + line)));
    }

    private async Task UpgradeAsync(X509Certificate2 certificate)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }).WaitAsync(Patience);
        stream = tls;
        reader = new StreamReader(tls, Encoding.Latin1);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        reader.Dispose();
        socket.Dispose();
    }
}
