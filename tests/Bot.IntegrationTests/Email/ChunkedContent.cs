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
