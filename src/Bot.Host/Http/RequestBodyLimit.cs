using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bot.Host.Http;

/// <summary>
/// Caps an endpoint's request body and answers <c>413</c> past it. The cap is handed to the server, which counts
/// the bytes as they arrive: a chunked body (no <c>Content-Length</c>) is cut off at the limit just like a declared
/// one, instead of being read whole into memory.
/// </summary>
public sealed class RequestBodyLimit(long maxBytes) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength > maxBytes)
        {
            return TooLarge();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
    }

    private static IResult TooLarge() => Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
}
