using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Bot.Core.Delivery;
using Bot.Core.Hosts;
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
        var api = admin.MapGroup("/api").AddFilter<AdminBearerFilter>();
        api.MapGet("/status", (HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.Status(), ct));
        api.MapGet("/destinations", (HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.Destinations(), ct));
        api.MapPost("/destinations/{name}/pause", (string name, HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.SetPaused(name, true), ct));
        api.MapPost("/destinations/{name}/resume", (string name, HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.SetPaused(name, false), ct));
        api.MapGet("/articles", ArticlesAsync);
        api.MapGet("/articles/{id}", (string id, HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.Article(id), ct));
        api.MapPost("/articles/{id}/retract", (string id, HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.Retract(id), ct));
        api.MapGet("/deliveries", DeliveriesAsync);
        api.MapPost("/deliveries/retry-dead", (HttpContext c, AdminOperations ops, CancellationToken ct) => ops.AnswerAsync(c, AdminHttpRequests.Retry(null), ct));
        api.MapPost("/deliveries/{id}/retry", RetryAsync);
        api.MapGet("/hosts", async (LiveHosts hosts, CancellationToken ct) => Results.Json(
            (await hosts.ListAsync(ct)).Select(h => new AdminHostView(h.Id, h.Name, h.StartedAt, Math.Round(h.SinceSeen.TotalSeconds, 1), h.Singletons)), Json));
        return admin;
    }

    public static IResult Error(int status, string message) => Results.Json(new AdminError(message), Json, statusCode: status);

    private static async Task<IResult> ArticlesAsync(HttpContext context, AdminOperations ops, CancellationToken ct) =>
        TryLimit(context, DefaultArticles, out var limit)
            ? await ops.AnswerAsync(context, AdminHttpRequests.Articles(limit), ct)
            : Error(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {AdminOperations.MaxList}");

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
        return await ops.AnswerAsync(context, AdminHttpRequests.Deliveries(new DeliveryQuery(status, article.Length > 0 ? article : null, Limit: limit)), ct);
    }

    private static async Task<IResult> RetryAsync(string id, HttpContext context, AdminOperations ops, CancellationToken ct) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var delivery)
            ? await ops.AnswerAsync(context, AdminHttpRequests.Retry(delivery), ct)
            : Error(StatusCodes.Status400BadRequest, $"{id} is not a delivery id");

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
