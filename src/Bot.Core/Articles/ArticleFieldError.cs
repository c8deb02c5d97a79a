namespace Bot.Core.Articles;

/// <summary>One field of an article file or API body that was refused, and why, on one line.</summary>
/// <param name="Field">The field name as written in a file (<c>title</c>, <c>url</c>, <c>body</c>, …).</param>
/// <param name="Message">The whole reason, naming the field, e.g. <c>field "url" must be an absolute http(s) URL</c>.</param>
public sealed record ArticleFieldError(string Field, string Message);
