using Bot.Core.Articles;
using Bot.Core.Storage;
using Bot.Host.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Http.Articles;

/// <summary>
/// <c>POST /api/articles</c>, <c>GET /api/articles/{id}</c> and <c>POST /api/articles/{id}/retract</c>, for a bearer
/// key of <c>Http:ApiKeys</c>. Posting is idempotent: the same body again is <c>unchanged</c>, so a client may retry
/// a request whose answer it lost (the retry answers 200 where the first would have answered 201).
/// </summary>
public static partial class ArticleApiEndpoints
{
    public static IEndpointRouteBuilder MapArticleApi(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<ApiKeys>().IsConfigured)
        {
            LogApiOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Host.Http.Articles"));
        }

        var api = endpoints.MapGroup("/api/articles")
            .RequireRateLimiting(ArticleApiServiceCollectionExtensions.RateLimitPolicy)
            .AddFilter<ApiKeyFilter>();
        api.MapPost("", PostAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPost("/{id}/retract", RetractAsync);
        return endpoints;
    }

    private static async Task<IResult> PostAsync(HttpContext context, ArticleApiOperations ops, CancellationToken ct)
    {
        var body = await ArticleApiBody.ReadAsync(context.Request, ct);
        if (body is null)
        {
            return ArticleProblem.Of(StatusCodes.Status413PayloadTooLarge, "Content Too Large",
                $"the body is larger than {ArticleApiBody.MaxBytes / (1024 * 1024)} MB, the limit for an article");
        }

        switch (await ops.PostAsync(ApiKeyFilter.ActorOf(context), ClientAddress.Of(context), body, ct))
        {
            case FileImportOutcome.Rejected rejected:
                return ArticleProblem.Invalid(rejected.Reason, rejected.Errors);
            case FileImportOutcome.Imported { Result: var result }:
                var answer = new { id = result.Key, version = result.Version, title = result.Title, status = StatusName(result.Status) };
                if (result.Status != ImportStatus.Created) return Results.Json(answer, ArticleApiJson.Options);
                context.Response.Headers.Location = ArticleIdPath.Location(result.Key);
                return Results.Json(answer, ArticleApiJson.Options, statusCode: StatusCodes.Status201Created);
            default:
                throw new InvalidOperationException("unknown import outcome");
        }
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ArticleApiOperations ops, CancellationToken ct)
    {
        var key = ArticleIdPath.Of(context, id);
        return await ops.GetAsync(key, ct) is { } article
            ? Results.Json(article, ArticleApiJson.Options)
            : NotFound(key);
    }

    private static async Task<IResult> RetractAsync(string id, HttpContext context, ArticleApiOperations ops, CancellationToken ct)
    {
        var key = ArticleIdPath.Of(context, id, "/retract");
        return await ops.RetractAsync(ApiKeyFilter.ActorOf(context), ClientAddress.Of(context), key, ct) switch
        {
            RetractOutcome.Retracted { Version: var r } =>
                Results.Json(new { id = r.Key, version = r.Version, title = r.Title, retracted = true }, ArticleApiJson.Options),
            RetractOutcome.AlreadyRetracted a =>
                ArticleProblem.Of(StatusCodes.Status409Conflict, "Conflict", $"{a.Id} is already retracted (version {a.Version})"),
            _ => NotFound(key),
        };
    }

    private static IResult NotFound(string id) => ArticleProblem.Of(StatusCodes.Status404NotFound, "Not Found", $"no such article: {id}");

    [LoggerMessage(Level = LogLevel.Information, Message = "The article API under /api/articles is off: no Http:ApiKeys are set")]
    private static partial void LogApiOff(ILogger logger);

    private static string StatusName(ImportStatus status) => status switch
    {
        ImportStatus.Created => "created",
        ImportStatus.Updated => "updated",
        ImportStatus.Retracted => "retracted",
        _ => "unchanged",
    };
}
