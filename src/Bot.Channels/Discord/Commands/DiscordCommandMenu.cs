using System.Text.Json.Nodes;

namespace Bot.Channels.Discord.Commands;

/// <summary>
/// The admin slash commands, those of <see cref="Bot.Core.Admin.Commands.AdminMenu"/>, as Discord CHAT_INPUT commands
/// with typed options. Sent with one bulk overwrite at start-up, so a command dropped here disappears from Discord too.
/// </summary>
public static class DiscordCommandMenu
{
    private const int ChatInput = 1;
    private const int StringOption = 3;
    private const int IntegerOption = 4;
    private const int GuildContext = 0;

    /// <summary>The commands in display order: name, description, options (name, type, required, description).</summary>
    public static IReadOnlyList<DiscordCommandDefinition> Commands { get; } =
    [
        new("help", "What the bot can do", []),
        new("status", "Queue and destinations at a glance", []),
        new("articles", "Recent articles", []),
        new("preview", "Show what would be sent for an article",
        [
            new("id", StringOption, true, "Article id (see /articles)"),
            new("channel", StringOption, false, "telegram, discord or email (default telegram)", ["telegram", "discord", "email"]),
        ]),
        new("retry", "Put dead deliveries back in the queue", [new("id", IntegerOption, false, "Only this delivery")]),
        new("pause", "Hold a destination's deliveries", [new("name", StringOption, true, "Destination name (see /destinations)")]),
        new("resume", "Send held deliveries; re-enable a disabled destination", [new("name", StringOption, true, "Destination name (see /destinations)")]),
        new("destinations", "Configured destinations and their state", []),
        new("publish", "Announce an article again everywhere it matches", [new("id", StringOption, true, "Article id (see /articles)")]),
        new("subscribers", "Email list counts by state", []),
    ];

    /// <summary>
    /// The body of <c>PUT /applications/{id}/commands</c>. <c>default_member_permissions</c> "0" shows the commands
    /// only to server administrators until a server grants them to others; <c>contexts</c> [0] (and the older
    /// <c>dm_permission</c>) keep them out of DMs. Neither is access control: <c>Discord:Admins</c> is checked on
    /// every interaction.
    /// </summary>
    public static JsonArray Body()
    {
        var body = new JsonArray();
        foreach (var command in Commands)
        {
            var node = new JsonObject
            {
                ["name"] = command.Name,
                ["type"] = ChatInput,
                ["description"] = command.Description,
                ["default_member_permissions"] = "0",
                ["contexts"] = new JsonArray(GuildContext),
                ["dm_permission"] = false,
            };
            if (command.Options.Count > 0)
            {
                var options = new JsonArray();
                foreach (var option in command.Options)
                {
                    var o = new JsonObject
                    {
                        ["name"] = option.Name,
                        ["type"] = option.Type,
                        ["description"] = option.Description,
                        ["required"] = option.Required,
                    };
                    if (option.Choices is { Count: > 0 } choices)
                    {
                        o["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c })]);
                    }

                    options.Add(o);
                }

                node["options"] = options;
            }

            body.Add(node);
        }

        return body;
    }
}
