using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>
/// <c>GET /gateway/bot</c>, command registration and interaction answers. Registration checks what Discord checks
/// (names, lengths, option order, permission strings) and keeps every body; an interaction takes exactly one first
/// answer within <see cref="FakeDiscordApiOptions.InteractionDeadline"/> (a second gets 400 40060, a late one 404
/// 10062), and its reply can then be edited through the application's webhook.
/// </summary>
public sealed partial class FakeDiscordApi
{
    private readonly List<JsonArray> commandRegistrations = [];
    private readonly Dictionary<string, FakeDiscordInteraction> interactions = new(StringComparer.Ordinal);

    /// <summary>Every accepted body of <c>PUT /applications/{id}/commands</c>, oldest first.</summary>
    public IReadOnlyList<JsonArray> CommandRegistrations
    {
        get
        {
            lock (gate)
            {
                return commandRegistrations.Select(c => (JsonArray)c.DeepClone()).ToArray();
            }
        }
    }

    /// <summary>
    /// Dispatches INTERACTION_CREATE for <c>/command</c> used by <paramref name="userId"/> in a server (or, with
    /// <paramref name="inDirectMessage"/>, in a DM). <paramref name="options"/> are Discord's <c>{name, type, value}</c>.
    /// </summary>
    public async Task<FakeDiscordInteraction> SendCommandAsync(ulong userId, string command, JsonArray? options = null, bool inDirectMessage = false)
    {
        FakeDiscordInteraction interaction;
        JsonObject data;
        lock (gate)
        {
            var id = NextId();
            var token = "aW50ZXJhY3Rpb24" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            interaction = new FakeDiscordInteraction(id, token, userId, command, Options.Clock.GetUtcNow());
            interactions[id] = interaction;
            var user = new JsonObject { ["id"] = userId.ToString(CultureInfo.InvariantCulture), ["username"] = "user" + userId, ["global_name"] = "@everyone" };
            data = new JsonObject
            {
                ["id"] = id,
                ["application_id"] = Options.ApplicationId,
                ["type"] = 2,
                ["token"] = token,
                ["version"] = 1,
                ["channel_id"] = "3000",
                ["app_permissions"] = "2248473465835073",
                ["data"] = new JsonObject
                {
                    ["id"] = "4" + id[1..],
                    ["name"] = command,
                    ["type"] = 1,
                    ["options"] = options ?? [],
                },
            };
            if (inDirectMessage)
            {
                data["user"] = user;
            }
            else
            {
                data["guild_id"] = "2000";
                data["member"] = new JsonObject { ["user"] = user, ["permissions"] = "2248473465835073", ["roles"] = new JsonArray() };
            }
        }

        await DispatchAsync("INTERACTION_CREATE", data);
        return interaction;
    }

    public FakeDiscordInteraction? Interaction(string id)
    {
        lock (gate)
        {
            return interactions.GetValueOrDefault(id);
        }
    }

    private void MapInteractions(WebApplication application)
    {
        application.MapGet(ApiPath + "/gateway/bot", (HttpContext c) => RespondAsync(c, "GET gateway/bot", _ => GatewayBot(c)));
        application.MapPut(ApiPath + "/applications/{applicationId}/commands", (HttpContext c, string applicationId) =>
            RespondAsync(c, $"PUT applications/{applicationId}/commands", text => OverwriteCommands(c, applicationId, text)));
        application.MapPost(ApiPath + "/interactions/{interactionId}/{token}/callback", (HttpContext c, string interactionId, string token) =>
            RespondAsync(c, "POST interactions/:id/:token/callback", text => Callback(c, interactionId, token, text)));
        application.MapMethods(ApiPath + "/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], (HttpContext c, string applicationId, string token) =>
            RespondAsync(c, $"PATCH webhooks/{applicationId}/:token/messages/@original", text => EditOriginal(c, applicationId, token, text)));
    }

    private async Task RespondAsync(HttpContext context, string route, Func<string, (int Status, JsonNode? Body)> handle)
    {
        string text;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }

        int status;
        JsonNode? body;
        lock (gate)
        {
            (status, body) = handle(text);
            var authorization = context.Request.Headers.Authorization.ToString();
            journal.Add(new FakeDiscordRequest(context.Request.Method, context.Request.Path.ToString(), route, string.Empty, status, text,
                string.IsNullOrEmpty(authorization) ? null : authorization, context.Request.Headers.UserAgent.ToString(), context.Request.ContentType, Options.Clock.GetUtcNow()));
        }

        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }
    }

    private bool Authorized(HttpContext context) => context.Request.Headers.Authorization.ToString() == "Bot " + Options.BotToken;

    private (int, JsonNode?) GatewayBot(HttpContext context) => !Authorized(context)
        ? (401, Unauthorized())
        : (200, new JsonObject
        {
            ["url"] = GatewayUrl.GetLeftPart(UriPartial.Path),
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
        });

    private (int, JsonNode?) OverwriteCommands(HttpContext context, string applicationId, string text)
    {
        if (!Authorized(context))
        {
            return (401, Unauthorized());
        }

        if (applicationId != Options.ApplicationId)
        {
            return (403, Error(50001, "Missing Access"));
        }

        JsonArray? commands;
        try
        {
            commands = IsJson(context.Request) ? JsonNode.Parse(text) as JsonArray : null;
        }
        catch (JsonException)
        {
            commands = null;
        }

        if (commands is null)
        {
            return (400, FormErrors(new JsonObject { ["_errors"] = ErrorList("MODEL_TYPE_CONVERT", "Only iterables may be used in a ListType") }));
        }

        var errors = new JsonObject();
        if (commands.Count > 100)
        {
            errors["_errors"] = ErrorList("BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            var problems = CommandProblems(commands[i] as JsonObject, names);
            if (problems.Count > 0)
            {
                errors[i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["_errors"] = new JsonArray([.. problems.Select(p => (JsonNode)new JsonObject { ["code"] = "APPLICATION_COMMAND_INVALID", ["message"] = p })]) };
            }
        }

        if (errors.Count > 0)
        {
            return (400, FormErrors(errors));
        }

        commandRegistrations.Add((JsonArray)commands.DeepClone());
        var answer = new JsonArray();
        foreach (var command in commands)
        {
            var registered = (JsonObject)command!.DeepClone();
            registered["id"] = NextId();
            registered["application_id"] = Options.ApplicationId;
            registered["version"] = NextId();
            answer.Add(registered);
        }

        return (200, answer);
    }

    private static List<string> CommandProblems(JsonObject? command, HashSet<string> names)
    {
        var problems = new List<string>();
        if (command is null)
        {
            return ["not an object"];
        }

        var name = command["name"]?.ToString() ?? string.Empty;
        if (!CommandName().IsMatch(name))
        {
            problems.Add($"name '{name}' is not 1-32 lower-case letters, digits, - or _");
        }

        if (!names.Add(name))
        {
            problems.Add($"name '{name}' is used twice");
        }

        if (command["type"] is JsonValue type && type.GetValue<int>() != 1)
        {
            problems.Add("type is not CHAT_INPUT (1)");
        }

        CheckDescription(command, "command " + name, problems);
        if (command["default_member_permissions"] is JsonValue permissions
            && (permissions.GetValueKind() != JsonValueKind.String || !ulong.TryParse(permissions.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            problems.Add("default_member_permissions is not a permission bit set as a string");
        }

        if (command["contexts"] is JsonArray contexts && contexts.Any(c => c is not JsonValue v || !v.TryGetValue<int>(out var x) || x is < 0 or > 2))
        {
            problems.Add("contexts holds something other than 0, 1 and 2");
        }

        var options = command["options"] as JsonArray ?? [];
        if (options.Count > 25)
        {
            problems.Add("more than 25 options");
        }

        var optional = false;
        var optionNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options.OfType<JsonObject>())
        {
            var optionName = option["name"]?.ToString() ?? string.Empty;
            if (!CommandName().IsMatch(optionName) || !optionNames.Add(optionName))
            {
                problems.Add($"option name '{optionName}' is invalid or used twice");
            }

            if (option["type"] is not JsonValue t || !t.TryGetValue<int>(out var optionType) || optionType is < 3 or > 11)
            {
                problems.Add($"option {optionName} has no valid value type");
                continue;
            }

            CheckDescription(option, "option " + optionName, problems);
            var required = option["required"] is JsonValue r && r.GetValue<bool>();
            if (required && optional)
            {
                problems.Add("Required options must be placed before non-required options");
            }

            optional |= !required;
            if (option["choices"] is JsonArray choices && (choices.Count > 25 || choices.Any(c => c?["name"] is null || c["value"] is null || (optionType == 3 && c["value"]!.GetValueKind() != JsonValueKind.String))))
            {
                problems.Add($"option {optionName} has invalid choices");
            }
        }

        return problems;
    }

    private static void CheckDescription(JsonObject node, string what, List<string> problems)
    {
        var description = node["description"]?.ToString() ?? string.Empty;
        if (Length(description) is < 1 or > 100)
        {
            problems.Add($"{what}: description must be 1-100 characters");
        }
    }

    private (int, JsonNode?) Callback(HttpContext context, string interactionId, string token, string text)
    {
        if (!interactions.TryGetValue(interactionId, out var interaction) || interaction.Token != token)
        {
            return (404, Error(10062, "Unknown interaction"));
        }

        if (interaction.Acknowledged)
        {
            return (400, Error(40060, "Interaction has already been acknowledged."));
        }

        if (Options.Clock.GetUtcNow() > interaction.CreatedAt + Options.InteractionDeadline)
        {
            return (404, Error(10062, "Unknown interaction"));
        }

        if (ReadBody(context.Request, text, out var body) is { } invalid)
        {
            return invalid;
        }

        var type = body!["type"] is JsonValue t && t.TryGetValue<int>(out var parsed) ? parsed : 0;
        if (type is not (4 or 5))
        {
            interaction.Refused(body);
            return (400, FormErrors(new JsonObject { ["type"] = new JsonObject { ["_errors"] = ErrorList("INTERACTION_RESPONSE_TYPE_INVALID", "Value must be one of {4, 5} for an application command.") } }));
        }

        var data = body["data"] as JsonObject ?? [];
        if (type == 4)
        {
            CheckMentions("interaction callback", data);
            if (MessageProblem(data) is { } problem)
            {
                interaction.Refused(body);
                return problem;
            }
        }

        interaction.Acknowledge(body);
        return (204, null);
    }

    private (int, JsonNode?) EditOriginal(HttpContext context, string applicationId, string token, string text)
    {
        if (!string.IsNullOrEmpty(context.Request.Headers.Authorization.ToString()))
        {
            violations.Add("interaction reply edit: carries an Authorization header");
        }

        var interaction = interactions.Values.FirstOrDefault(i => i.Token == token);
        if (applicationId != Options.ApplicationId || interaction is null || Options.Clock.GetUtcNow() > interaction.CreatedAt + TimeSpan.FromMinutes(15))
        {
            return (404, Error(10015, "Unknown Webhook"));
        }

        if (!interaction.Acknowledged)
        {
            return (404, Error(10008, "Unknown Message"));
        }

        if (ReadBody(context.Request, text, out var body) is { } invalid)
        {
            return invalid;
        }

        CheckMentions("interaction reply edit", body!);
        if (MessageProblem(body!) is { } problem)
        {
            return problem;
        }

        interaction.Edit(body!);
        return (200, new JsonObject { ["id"] = interaction.Id, ["content"] = body!["content"]?.DeepClone(), ["flags"] = interaction.Ephemeral ? 64 : 0, ["type"] = 20 });
    }

    private static (int, JsonNode?)? MessageProblem(JsonObject data)
    {
        if (Validate(data) is { } rejected)
        {
            return rejected;
        }

        return string.IsNullOrEmpty(data["content"]?.ToString()) && data["embeds"] is not JsonArray { Count: > 0 }
            ? (400, Error(50006, "Cannot send an empty message"))
            : null;
    }

    private static bool IsJson(HttpRequest request) =>
        string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Unauthorized() => new() { ["message"] = "401: Unauthorized", ["code"] = 0 };

    [GeneratedRegex(@"^[-_\p{Ll}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();
}
