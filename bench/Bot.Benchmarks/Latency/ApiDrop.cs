using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Bot.Benchmarks.Latency;

/// <summary>Posted to <c>POST /api/articles</c> with an API key, as a news desk's system does; timed from the start of the request.</summary>
public sealed class ApiDrop : IArticleDrop
{
    public const string Key = "latency-bench-desk-key-0123456789";

    private readonly HttpClient _http;

    public ApiDrop(Uri root)
    {
        _http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    /// <summary>The bot's settings that turn the article API on with <see cref="Key"/>.</summary>
    public static IEnumerable<string> Settings => ["--Http:ApiKeys:0:Name=desk", $"--Http:ApiKeys:0:Key={Key}"];

    public async Task<DateTimeOffset> DropAsync(int index, string tag)
    {
        var article = new
        {
            id = $"latency-{index}",
            title = $"Latency {index}",
            tags = new[] { tag },
            language = "en",
            body = $"Article {index}, timed from the article API to its channel.",
        };
        var at = DateTimeOffset.UtcNow;
        using var answer = await _http.PostAsJsonAsync("/api/articles", article);
        if (answer.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/articles answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }

        return at;
    }

    public void Dispose() => _http.Dispose();
}
