using System.Text.Json.Nodes;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>
/// A scripted answer. With <see cref="AfterCommit"/> the request takes effect first and the failure replaces its
/// answer, as when a create lands but the response is lost.
/// </summary>
public sealed record FakeDiscordFailure(int Status, JsonObject Body, bool AfterCommit = false, bool Global = false)
{
    public static FakeDiscordFailure MissingPermissions => Error(403, 50013, "Missing Permissions");

    public static FakeDiscordFailure MissingAccess => Error(403, 50001, "Missing Access");

    public static FakeDiscordFailure UnknownChannel => Error(404, 10003, "Unknown Channel");

    public static FakeDiscordFailure ServerError => new(502, new JsonObject { ["message"] = "502: Bad Gateway", ["code"] = 0 });

    public static FakeDiscordFailure Overloaded => Error(503, 130000, "API resource is currently overloaded. Try again a little later.");

    public static FakeDiscordFailure LostAnswer => ServerError with { AfterCommit = true };

    public static FakeDiscordFailure RateLimited(decimal retryAfterSeconds, bool global = false) =>
        new(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfterSeconds, ["global"] = global }, Global: global);

    public static FakeDiscordFailure Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code });
}
