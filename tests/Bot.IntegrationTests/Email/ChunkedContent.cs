using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Bot.IntegrationTests.Email;

/// <summary>A request body of unknown length, so the client sends it chunked, without a Content-Length header.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] bytes;

    public ChunkedContent(string body, string contentType)
    {
        bytes = Encoding.UTF8.GetBytes(body);
        Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
    }

    /// <summary>
    /// Posts a chunked body that the server refuses part-way. The server answers 413 and closes while the client is
    /// still writing, and whether the client reads that answer or first fails its last write (broken pipe) is a race
    /// on the socket, so a request whose write failed is sent again, a few times at most.
    /// </summary>
    public static async Task<HttpResponseMessage> PostRefusedAsync(HttpClient client, string path, string body, string contentType)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.PostAsync(path, new ChunkedContent(body, contentType));
            }
            catch (HttpRequestException e) when (e.InnerException is IOException && attempt < 5)
            {
            }
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        try
        {
            foreach (var chunk in bytes.Chunk(1024))
            {
                await stream.WriteAsync(chunk);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            // The server answered 413 and closed before the rest arrived; its answer is what the test reads.
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
