using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Deliveries;

/// <summary>
/// Remote message ids as the <c>remote_ids</c> column holds them: a JSON array of strings. The serializer's code is
/// generated at build time: every recorded outcome writes one, and the reflection-based serializer's first use built
/// converters for every primitive type while a host sent its first article.
/// </summary>
internal static partial class RemoteIdsJson
{
    public static string Write(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "[]" : JsonSerializer.Serialize(ids, Context.Default.IReadOnlyListString);

    public static IReadOnlyList<string> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, Context.Default.ListString) ?? [];

    [JsonSerializable(typeof(IReadOnlyList<string>))]
    [JsonSerializable(typeof(List<string>))]
    private sealed partial class Context : JsonSerializerContext;
}
