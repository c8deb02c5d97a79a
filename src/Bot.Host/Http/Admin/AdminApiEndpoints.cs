using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Bot.Core.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Http.Admin;

/// <summary>
/// The JSON API under <c>/admin/api/</c>, for <c>Authorization: Bearer KEY</c> only: a cookie never reaches it,
/// so another site cannot make a signed-in browser call it.
/// </summary>
public static class AdminApiEndpoints
{
    public const int DefaultArticles = 20;
    public const int DefaultDeliveries = 50;

    /// <summary>camelCase; Arabic stays readable while <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are escaped.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/api").AddEndpointFilter<AdminBearerFilter>();
        api.MapGet("/status", async (AdminOperations ops, CancellationToken ct) => Ok(await ops.StatusAsync(ct)));
        api.MapGet("/destinations", async (AdminOperations ops, CancellationToken ct) => Ok(await ops.DestinationsAsync(ct)));
        api.MapPost("/destinations/{name}/pause", (string name, AdminOperations ops, CancellationToken ct) => PauseAsync(name, true, ops, ct));
        api.MapPost("/destinations/{name}/resume", (string name, AdminOperations ops, CancellationToken ct) => PauseAsync(name, false, ops, ct));
        api.MapGet("/articles", ArticlesAsync);
        api.MapGet("/articles/{id}", async (string id, AdminOperations ops, CancellationToken ct) =>
            await ops.ArticleAsync(id, ct) is { } article ? Ok(article) : Error(StatusCodes.Status404NotFound, $"no such article: {id}"));
        api.MapPost("/articles/{id}/retract", RetractAsync);
        api.MapGet("/deliveries", DeliveriesAsync);
        api.MapPost("/deliveries/retry-dead", async (AdminOperations ops, CancellationToken ct) => Ok(new { requeued = await ops.RetryAsync(null, ct) }));
        api.MapPost("/deliveries/{id}/retry", RetryAsync);
        return admin;
    }

    public static IResult Ok(object value) => Results.Json(value, Json);

    public static IResult Error(int status, string message) => Results.Json(new AdminError(message), Json, statusCode: status);

    private static async Task<IResult> PauseAsync(string name, bool paused, AdminOperations ops, CancellationToken ct) =>
        await ops.SetPausedAsync(name, paused, ct) is { } destination
            ? Ok(destination)
            : Error(StatusCodes.Status404NotFound, $"no such destination: {name}");

    private static async Task<IResult> ArticlesAsync(HttpContext context, AdminOperations ops, CancellationToken ct)
    {
        if (!TryLimit(context, DefaultArticles, out var limit))
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {AdminOperations.MaxList}");
        }

        return Ok((await ops.RecentArticlesAsync(limit, ct)).Select(AdminArticleSummary.Of).ToList());
    }

    private static async Task<IResult> DeliveriesAsync(HttpContext context, AdminOperations ops, CancellationToken ct)
    {
        var query = context.Request.Query;
        DeliveryStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } text)
        {
            if (!DeliveryNames.TryParseStatus(text, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, $"status {text} is not one of queued, sending, sent, failed, dead, cancelled, held");
            }

            status = parsed;
        }

        if (!TryLimit(context, DefaultDeliveries, out var limit))
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {AdminOperations.MaxList}");
        }

        var article = query["article"].ToString();
        return Ok(await ops.DeliveriesAsync(new DeliveryQuery(status, article.Length > 0 ? article : null, Limit: limit), ct));
    }

    private static async Task<IResult> RetryAsync(string id, AdminOperations ops, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var delivery))
        {
            return Error(StatusCodes.Status400BadRequest, $"{id} is not a delivery id");
        }

        var requeued = await ops.RetryAsync(delivery, ct);
        return requeued == 0
            ? Error(StatusCodes.Status404NotFound, $"delivery {delivery} is not dead (or does not exist)")
            : Ok(new { requeued });
    }

    private static async Task<IResult> RetractAsync(string id, AdminOperations ops, CancellationToken ct) =>
        await ops.RetractAsync(id, ct) switch
        {
            AdminRetractOutcome.Retracted r => Ok(new { key = r.Version.Key, version = r.Version.Version, title = r.Version.Title, retracted = true }),
            AdminRetractOutcome.AlreadyRetracted a => Error(StatusCodes.Status409Conflict, $"{a.Key} is already retracted (version {a.Version})"),
            _ => Error(StatusCodes.Status404NotFound, $"no such article: {id}"),
        };

    private static bool TryLimit(HttpContext context, int fallback, out int limit)
    {
        var text = context.Request.Query["limit"].ToString();
        if (text.Length == 0)
        {
            limit = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= AdminOperations.MaxList;
    }
}
