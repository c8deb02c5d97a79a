using Bot.Core.Articles;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Articles;

/// <summary>
/// An RFC 9457 problem document. For a refused article, <see cref="Errors"/> names each bad field as RFC 9457's
/// validation example does: a JSON pointer into the body and the reason (the field's name is given plainly too).
/// </summary>
public sealed record ArticleProblem(string Type, string Title, int Status, string Detail, IReadOnlyList<ArticleProblem.FieldError>? Errors = null)
{
    public sealed record FieldError(string Field, string Pointer, string Detail);

    public static IResult Of(int status, string title, string detail) =>
        Results.Json(new ArticleProblem("about:blank", title, status, detail), ArticleApiJson.Options, ArticleApiJson.ProblemContentType, status);

    /// <summary>400 for a body that is not an article; with <paramref name="errors"/>, one entry per field.</summary>
    public static IResult Invalid(string reason, IReadOnlyList<ArticleFieldError> errors)
    {
        var fields = errors.Select(e => new FieldError(e.Field, "#/" + e.Field, e.Message)).ToList();
        var problem = new ArticleProblem("about:blank", "Bad Request", StatusCodes.Status400BadRequest, reason, fields);
        return Results.Json(problem, ArticleApiJson.Options, ArticleApiJson.ProblemContentType, StatusCodes.Status400BadRequest);
    }
}
