using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Bot.Core.Subscriptions;
using Bot.Host.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Http;

/// <summary>
/// <c>POST /subscribe</c> (double opt-in); <c>GET</c>/<c>POST /confirm</c>; <c>GET</c>/<c>POST /unsubscribe</c> with RFC
/// 8058 one-click. A GET only shows a page with a button, because mail link scanners fetch every link in a message;
/// the POST acts. The token carries everything: no cookies, no sessions, no antiforgery, no redirects.
/// </summary>
public static partial class SubscriptionEndpoints
{
    public const string RateLimitPolicy = "subscribe";

    /// <summary>Requests one client address may make in a burst, and how fast that allowance comes back.</summary>
    public const int BurstPerClient = 5;

    /// <summary>The largest request body these endpoints read: a form with an address, a name and a list, or a token.</summary>
    public const long MaxBodyBytes = 4096;

    public static readonly TimeSpan RefillPeriod = TimeSpan.FromMinutes(2);

    /// <summary>The rate limiter behind <see cref="RateLimitPolicy"/>; <c>UseRateLimiter()</c> must be in the pipeline.</summary>
    public static IServiceCollection AddSubscriptionRateLimiter(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                ClientKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = BurstPerClient,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = RefillPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });

    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var bodyLimit = new RequestBodyLimit(MaxBodyBytes);
        endpoints.MapPost("/subscribe", SubscribeAsync).RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(bodyLimit).DisableAntiforgery();
        endpoints.MapGet("/confirm", ShowConfirmAsync);
        endpoints.MapPost("/confirm", ConfirmAsync).AddEndpointFilter(bodyLimit).DisableAntiforgery();
        endpoints.MapGet("/unsubscribe", ShowUnsubscribeAsync);
        // RFC 8058 one-click POSTs come from mail providers, without cookies: the token is the authority.
        endpoints.MapPost("/unsubscribe", UnsubscribeAsync).AddEndpointFilter(bodyLimit).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> SubscribeAsync(
        HttpContext context,
        SubscriptionServices services,
        ConfirmationMailQueue queue,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        SubscribeRequest? body;
        var json = request.HasJsonContentType();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            body = new SubscribeRequest(form["email"], form["name"], form["list"]);
        }
        else if (json)
        {
            try
            {
                body = await request.ReadFromJsonAsync<SubscribeRequest>(cancellationToken);
            }
            catch (JsonException)
            {
                body = null;
            }
        }
        else
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var flow = await services.FlowAsync(cancellationToken);
        var result = body is null
            ? new SubscriptionResult(SubscriptionOutcome.InvalidRequest, null)
            : await flow.RequestAsync(body.List, body.Email, body.Name, cancellationToken);
        if (result.Confirmation is { } confirmation && !queue.TryEnqueue(confirmation))
        {
            LogQueueFull(loggers.CreateLogger(typeof(SubscriptionEndpoints).FullName!), confirmation.List.Name);
        }

        // The same answer for a new, pending, active or unsubscribed address: nothing here tells who is subscribed.
        var status = result.Outcome == SubscriptionOutcome.Requested ? StatusCodes.Status202Accepted : StatusCodes.Status400BadRequest;
        SubscriptionPages.Protect(context);
        return json
            ? Results.Json(new { status = result.Outcome == SubscriptionOutcome.Requested ? "confirmation-sent-if-valid" : "invalid" }, statusCode: status)
            : Html(SubscriptionPages.Result(result, services.Lists.FirstOrDefault()), status);
    }

    private static async Task<IResult> ShowConfirmAsync(HttpContext context, string? token, SubscriptionServices services, CancellationToken cancellationToken)
    {
        var result = (await services.FlowAsync(cancellationToken)).CheckConfirm(token);
        return Page(context, services, result, () => SubscriptionPages.ConfirmButton(result, token!));
    }

    private static async Task<IResult> ConfirmAsync(HttpContext context, SubscriptionServices services, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(context.Request, cancellationToken);
        var result = await (await services.FlowAsync(cancellationToken)).ConfirmAsync(token, cancellationToken);
        return Page(context, services, result, null);
    }

    private static async Task<IResult> ShowUnsubscribeAsync(HttpContext context, string? token, SubscriptionServices services, CancellationToken cancellationToken)
    {
        var result = (await services.FlowAsync(cancellationToken)).CheckUnsubscribe(token);
        return Page(context, services, result, () => SubscriptionPages.UnsubscribeButton(result, token!));
    }

    /// <summary>
    /// RFC 8058: the mailbox provider POSTs <c>List-Unsubscribe=One-Click</c> with no cookies and follows no
    /// redirect, so the work is done here and the answer is a plain 200. The body is not required: the page's
    /// button posts here too.
    /// </summary>
    private static async Task<IResult> UnsubscribeAsync(HttpContext context, SubscriptionServices services, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(context.Request, cancellationToken);
        var result = await (await services.FlowAsync(cancellationToken)).UnsubscribeAsync(token, cancellationToken);
        return Page(context, services, result, null);
    }

    /// <summary>The token of a POST: the <c>token</c> query parameter (the links and the one-click POST), else the form field.</summary>
    private static async Task<string?> TokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Query["token"] is { Count: > 0 } query)
        {
            return query[0];
        }

        return request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["token"].FirstOrDefault() : null;
    }

    /// <summary>The button page for a good link, otherwise the page that says what happened.</summary>
    private static IResult Page(HttpContext context, SubscriptionServices services, SubscriptionResult result, Func<string>? button)
    {
        SubscriptionPages.Protect(context);
        return result.Outcome == SubscriptionOutcome.ValidLink && button is not null
            ? Html(button(), StatusCodes.Status200OK)
            : Html(SubscriptionPages.Result(result, services.Lists.FirstOrDefault()), StatusOf(result.Outcome));
    }

    private static int StatusOf(SubscriptionOutcome outcome) => outcome switch
    {
        SubscriptionOutcome.Confirmed or SubscriptionOutcome.AlreadyConfirmed or SubscriptionOutcome.Unsubscribed or SubscriptionOutcome.ValidLink => StatusCodes.Status200OK,
        SubscriptionOutcome.ExpiredLink => StatusCodes.Status410Gone,
        SubscriptionOutcome.StaleLink => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static IResult Html(string page, int status) => Results.Content(page, "text/html; charset=utf-8", statusCode: status);

    /// <summary>The client's address; IPv6 by its /64, which one subscriber can rotate through freely.</summary>
    internal static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return address.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirmation mail queue full; request for list {List} dropped")]
    private static partial void LogQueueFull(ILogger logger, string list);
}
