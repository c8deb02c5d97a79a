using System.Text.Json;

namespace Bot.Storage.Deliveries;

/// <summary>Remote message ids as the <c>remote_ids</c> column holds them: a JSON array of strings.</summary>
internal static class RemoteIdsJson
{
    public static string Write(IReadOnlyList<string> ids) => JsonSerializer.Serialize(ids);

    public static IReadOnlyList<string> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
