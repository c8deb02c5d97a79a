using System.Net;
using System.Net.Sockets;

namespace Bot.IntegrationTests.Support;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): a port the kernel hands out with port 0 is also what an outgoing
    // connection may take at any moment, so a bot told to listen on one could find it in use by the time it binds.
    // Each test process walks the range from its own random start, so parallel tests never pick the same port twice.
    private const int First = 20000;
    private const int Count = 12000;
    private static int _next = Random.Shared.Next(Count);

    /// <summary>A loopback port nobody listens on right now, and that no outgoing connection is given.</summary>
    public static int Next()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: the next one.
            }
        }
        throw new InvalidOperationException($"no free loopback port in {First}-{First + Count - 1}");
    }
}
