using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Bot.Core.Articles;

namespace Bot.Storage.Articles;

[JsonSerializable(typeof(ArticleDocument))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Keeps Arabic and other scripts as they are instead of \u escapes, so a row read with a plain
    /// SQL client is legible and half the size.
    /// </summary>
    public static ArticleJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<TextDirection>() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
