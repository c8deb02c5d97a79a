using System.Diagnostics;

namespace Bot.EmailEndToEnd;

/// <summary>
/// TLS in front of the sink, as a relay on port 465 has it: stunnel4 in server mode (TLS from the first byte) forwarding
/// to smtp-sink, and for smtp-source, which speaks no TLS, a stunnel client that checks the relay's certificate against
/// the test CA. Both sides pay the same server-side TLS.
/// </summary>
internal sealed class StunnelRelay : IDisposable
{
    private readonly List<Process> processes = [];

    private StunnelRelay(int serverPort, int clientPort)
    {
        ServerPort = serverPort;
        ClientPort = clientPort;
    }

    /// <summary>Where TLS clients (the bot) connect.</summary>
    public int ServerPort { get; }

    /// <summary>Where plain clients (smtp-source) connect to reach the relay through TLS.</summary>
    public int ClientPort { get; }

    public static async Task<StunnelRelay> StartAsync(string folder, TestRelayCertificates certificates, int sinkPort)
    {
        var relay = new StunnelRelay(Processes.FreePort(), Processes.FreePort());
        relay.Start(folder, "server", $"""
            foreground = yes
            pid =
            debug = 3
            [relay]
            accept = 127.0.0.1:{relay.ServerPort}
            connect = 127.0.0.1:{sinkPort}
            cert = {certificates.ServerPath}
            """);
        relay.Start(folder, "client", $"""
            foreground = yes
            pid =
            debug = 3
            [source]
            client = yes
            accept = 127.0.0.1:{relay.ClientPort}
            connect = 127.0.0.1:{relay.ServerPort}
            CAfile = {certificates.CaPath}
            verifyChain = yes
            checkIP = 127.0.0.1
            """);
        await Processes.WaitForPortAsync(relay.ServerPort, "stunnel server");
        await Processes.WaitForPortAsync(relay.ClientPort, "stunnel client");
        return relay;
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            Processes.Stop(process);
        }
    }

    private void Start(string folder, string name, string configuration)
    {
        var path = Path.Combine(folder, $"stunnel-{name}.conf");
        File.WriteAllText(path, configuration);
        var process = Processes.Start("stunnel4", [path]);
        // stunnel logs every connection to stderr; drain it so it never blocks.
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        processes.Add(process);
    }
}
