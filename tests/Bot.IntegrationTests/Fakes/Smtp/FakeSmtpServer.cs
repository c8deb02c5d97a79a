using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;

namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>
/// A real SMTP server (SmtpServer) on 127.0.0.1 with a free port, journaling every accepted message and
/// session, with scripted refusals per recipient and dropped connections.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedEmail> messages = new();
    private readonly ConcurrentDictionary<string, SmtpResponse> refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private SmtpServer.SmtpServer? server;
    private Task running = Task.CompletedTask;
    private int sessions;
    private int dropsLeft;
    private int dropAfter;
    private SmtpDropPoint dropPoint;

    private FakeSmtpServer()
    {
    }

    public int Port { get; private set; }

    public IReadOnlyList<ReceivedEmail> Messages => messages.ToArray();

    /// <summary>SMTP sessions opened so far (one per TCP connection).</summary>
    public int SessionsOpened => Volatile.Read(ref sessions);

    /// <summary>Starts a server; with credentials it offers AUTH (over plain text) and accepts only those.</summary>
    public static Task<FakeSmtpServer> StartAsync(string? username = null, string? password = null) =>
        StartAsync(username, password, null, implicitTls: false);

    /// <summary>
    /// Starts a server that speaks TLS with <paramref name="certificate"/>: after STARTTLS (which it then offers), or
    /// from the first byte when <paramref name="implicitTls"/>; with credentials it offers AUTH over TLS only.
    /// </summary>
    public static Task<FakeSmtpServer> StartTlsAsync(X509Certificate2 certificate, bool implicitTls = false, string? username = null, string? password = null) =>
        StartAsync(username, password, certificate, implicitTls);

    private static async Task<FakeSmtpServer> StartAsync(string? username, string? password, X509Certificate2? certificate, bool implicitTls)
    {
        var fake = new FakeSmtpServer();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("fake-smtp.test")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate).IsSecure(implicitTls);
                }

                if (username is not null)
                {
                    endpoint.AllowUnsecureAuthentication(certificate is null).AuthenticationRequired(true);
                }
            })
            .Build();

        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new FakeSmtpMessageStore(fake));
        services.Add(new FakeSmtpMailboxFilter(fake));
        if (username is not null)
        {
            services.Add(new DelegatingUserAuthenticator((_, user, pass) => user == username && pass == password));
        }

        fake.server = new SmtpServer.SmtpServer(options, services);
        fake.server.SessionCreated += (_, _) => Interlocked.Increment(ref fake.sessions);
        fake.running = fake.server.StartAsync(fake.stop.Token);
        fake.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return fake;
    }

    /// <summary>Answers RCPT TO for <paramref name="address"/> with this reply until <see cref="StopRefusing"/>.</summary>
    public void Refuse(string address, int code, string text) =>
        refusals[address] = new SmtpResponse((SmtpReplyCode)code, text);

    public void StopRefusing(string address) => refusals.TryRemove(address, out _);

    /// <summary>
    /// Once <paramref name="afterMessages"/> messages have been accepted in total, cuts the next
    /// <paramref name="drops"/> connections at <paramref name="at"/> without replying.
    /// </summary>
    public void DropConnections(int afterMessages, int drops, SmtpDropPoint at = SmtpDropPoint.MailFrom)
    {
        lock (gate)
        {
            dropAfter = afterMessages;
            dropsLeft = drops;
            dropPoint = at;
        }
    }

    internal SmtpResponse? RefusalFor(string address) => refusals.TryGetValue(address, out var reply) ? reply : null;

    internal bool TakeDrop(SmtpDropPoint point)
    {
        lock (gate)
        {
            if (dropsLeft == 0 || dropPoint != point || messages.Count < dropAfter)
            {
                return false;
            }

            dropsLeft--;
            return true;
        }
    }

    internal void Accept(ReceivedEmail message)
    {
        lock (gate)
        {
            messages.Enqueue(message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
        }

        stop.Dispose();
    }
}
