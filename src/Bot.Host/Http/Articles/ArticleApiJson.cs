using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Bot.Host.Http.Articles;

/// <summary>How the article API writes JSON: camelCase, nulls left out, Arabic readable while <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are escaped.</summary>
public static class ArticleApiJson
{
    public const string ProblemContentType = "application/problem+json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
