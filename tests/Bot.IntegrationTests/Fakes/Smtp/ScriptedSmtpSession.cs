using System.Net;
using System.Net.Sockets;
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
    private readonly NetworkStream stream;
    private readonly StreamReader reader;

    private ScriptedSmtpSession(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = new StreamReader(stream, Encoding.Latin1);
    }

    /// <summary>Accepts the next connection on <paramref name="listener"/>, greets it and answers its EHLO with <paramref name="extensions"/>.</summary>
    public static async Task<ScriptedSmtpSession> AcceptAsync(TcpListener listener, params string[] extensions)
    {
        var session = new ScriptedSmtpSession(await listener.AcceptSocketAsync().WaitAsync(Patience));
        await session.SendAsync("220 scripted.test ESMTP");
        var hello = await session.ReadLineAsync();
        if (!hello.StartsWith("EHLO ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"expected EHLO, got {hello}");
        }

        var lines = new[] { "scripted.test" }.Concat(extensions).ToList();
        await session.SendAsync(string.Join("\r\n", lines.Select((line, i) => (i == lines.Count - 1 ? "250 " : "250-") + line)));
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

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        reader.Dispose();
        socket.Dispose();
    }
}
