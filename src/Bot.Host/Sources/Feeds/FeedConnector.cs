using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the feed clients: resolves the host once and connects
/// only to an address it has checked. Checking the URL's host text alone is not enough: a public name can resolve
/// to 127.0.0.1, or answer differently the second time it is asked (DNS rebinding). Every connection, redirects
/// included, goes through here.
/// </summary>
public sealed class FeedConnector(IFeedHostResolver resolver, bool allowPrivateNetwork)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        var allowed = allowPrivateNetwork ? addresses : [.. addresses.Where(PublicAddress.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new FeedAddressRefusedException(addresses.Length == 0
                ? $"{host} has no address"
                : $"{host} is at {addresses[0]}, which is not a public address (set AllowPrivateNetwork on the feed to allow it)");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
