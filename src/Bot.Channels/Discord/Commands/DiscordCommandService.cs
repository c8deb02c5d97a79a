using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Channels.Discord.Gateway;
using Bot.Core.Admin.Commands;
using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Discord.Commands;

/// <summary>
/// The admin slash commands: registers the menu (one global bulk overwrite), keeps the gateway connected and answers
/// each command with the admin command set, its replies written as Discord Markdown. Only user ids in
/// <c>Discord:Admins</c> are obeyed; anyone else gets an ephemeral refusal and nothing changes. Every reply is
/// ephemeral and pings nobody. The host runs <see cref="RunAsync"/> for the life of <c>bot run</c>.
/// </summary>
public sealed class DiscordCommandService(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    DiscordGatewayClient gateway,
    AdminCommands commands,
    DiscordTokenRedactor redactor,
    TimeProvider timeProvider,
    ILogger<DiscordCommandService> logger)
{
    public const string Refusal = AdminReplyText.Refusal;

    /// <summary>A failed command's reply; the cause is in the log.</summary>
    public const string Failure = "That did not work; the bot's log says why.";

    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int Ephemeral = 64;

    /// <summary>
    /// Registers the menu and answers commands until <paramref name="stoppingToken"/> fires or Discord refuses the bot;
    /// <paramref name="handOver"/> ends it too, leaving the gateway session for another host to resume.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken, CancellationToken handOver = default)
    {
        var settings = options.Value;
        if (!settings.HasBotToken)
        {
            return;
        }

        if (!settings.HasApplicationId)
        {
            DiscordCommandLog.NoApplicationId(logger);
            return;
        }

        try
        {
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, handOver);
            if (await RegisterAsync(settings.ApplicationId!.Trim(), ending.Token))
            {
                await gateway.RunAsync(HandleAsync, stoppingToken, handOver);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || handOver.IsCancellationRequested)
        {
        }
    }

    /// <summary>Answers one <c>INTERACTION_CREATE</c> payload.</summary>
    public async Task HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (DiscordInteraction.Read(payload) is not { } interaction)
        {
            return;
        }

        var caller = AdminCaller.Chat(ChannelNames.Discord, interaction.UserId.ToString(CultureInfo.InvariantCulture)) with { Origin = interaction.Origin };
        if (!commands.Allows(caller))
        {
            DiscordCommandLog.Refused(logger, interaction.Name, interaction.UserId);
            await AnswerAsync(interaction, Refusal, cancellationToken);
            return;
        }

        // The store may be slow and the token dies 3 s after the interaction arrived: "thinking…" first, then the answer.
        var deferred = await rest.AnswerInteractionAsync(interaction.Id, interaction.Token, Callback(DeferredChannelMessage, null), cancellationToken);
        if (!deferred.IsSuccess)
        {
            // Without an acknowledged interaction the admin sees "did not respond", so the command is not run either.
            DiscordCommandLog.ReplyFailed(logger, interaction.Name, Describe(deferred.Error!));
            return;
        }

        string content;
        try
        {
            var request = AdminChatCommand.Parse(interaction.Name, interaction.Arguments);
            content = DiscordAdminReplyFormatter.Format(await commands.ExecuteAsync(caller, request, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DiscordCommandLog.CommandFailed(logger, interaction.Name, redactor.Redact($"{exception.GetType().Name}: {exception.Message}"));
            content = Failure;
        }

        var edited = await rest.EditInteractionReplyAsync(options.Value.ApplicationId!.Trim(), interaction.Token, Content(content), cancellationToken);
        if (!edited.IsSuccess)
        {
            DiscordCommandLog.ReplyFailed(logger, interaction.Name, Describe(edited.Error!));
        }
    }

    private async Task AnswerAsync(DiscordInteraction interaction, string content, CancellationToken cancellationToken)
    {
        var result = await rest.AnswerInteractionAsync(interaction.Id, interaction.Token, Callback(ChannelMessage, content), cancellationToken);
        if (!result.IsSuccess)
        {
            DiscordCommandLog.ReplyFailed(logger, interaction.Name, Describe(result.Error!));
        }
    }

    /// <summary>PUT of the whole menu, retried while Discord is unreachable or limiting; false when it refuses for good.</summary>
    private async Task<bool> RegisterAsync(string applicationId, CancellationToken stoppingToken)
    {
        var body = DiscordCommandMenu.Body();
        for (var failures = 1; ; failures++)
        {
            var result = await rest.OverwriteGlobalCommandsAsync(applicationId, body, stoppingToken);
            if (result.IsSuccess)
            {
                DiscordCommandLog.Registered(logger, body.Count);
                return true;
            }

            var error = result.Error!;
            if (error.Status is 0 or 429 or >= 500)
            {
                var delay = error.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
                DiscordCommandLog.RegistrationRetry(logger, Describe(error), delay);
                await Task.Delay(delay, timeProvider, stoppingToken);
                continue;
            }

            DiscordCommandLog.RegistrationRefused(logger, Describe(error), error.Status == 401 ? "Discord:BotToken" : "Discord:ApplicationId");
            return false;
        }
    }

    private string Describe(DiscordApiError error) => redactor.Redact(DiscordErrorClassifier.Describe(error));

    private static JsonObject Callback(int type, string? content) => new()
    {
        ["type"] = type,
        ["data"] = content is null ? new JsonObject { ["flags"] = Ephemeral } : Content(content, Ephemeral),
    };

    private static JsonObject Content(string content, int? flags = null)
    {
        var data = new JsonObject { ["content"] = content };
        if (flags is { } f)
        {
            data["flags"] = f;
        }

        data["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };
        return data;
    }
}
