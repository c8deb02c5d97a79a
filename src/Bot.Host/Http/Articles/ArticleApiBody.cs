using Bot.Core.Articles;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Articles;

/// <summary>Reads a posted article, at most <see cref="MaxBytes"/>, whether the client sent a length or chunks.</summary>
public static class ArticleApiBody
{
    /// <summary>The same limit as an article file.</summary>
    public const long MaxBytes = ArticleFileReader.MaxFileBytes;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
