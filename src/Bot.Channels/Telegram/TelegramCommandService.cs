using System.Globalization;
using Bot.Channels.Telegram.Admin;
using Bot.Core.Admin.Commands;
using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// Answers admin commands sent to the bot, over getUpdates long polling, with the admin command set. Only user ids
/// listed in <c>Telegram:Admins</c> are obeyed; anyone else gets a short refusal and nothing changes. The host runs
/// <see cref="RunAsync"/> from a hosted service for the life of <c>bot run</c>.
/// </summary>
public sealed class TelegramCommandService(
    IOptions<TelegramOptions> options,
    AdminCommands commands,
    TelegramDirectMessages replies,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    TelegramUpdateOffsetStore? offsets = null,
    TelegramSubscriberCommands? subscribers = null)
{
    public const string Refusal = AdminReplyText.Refusal;

    private readonly ILogger logger = loggerFactory.CreateLogger<TelegramCommandService>();

    /// <summary>Publishes the command menu, then polls and answers until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Its own HttpClient, whose timeout outlasts the long poll; the sender's is tuned for short requests.
        using var http = TelegramClientFactory.CreateHttpClient(settings.PollTimeout + TimeSpan.FromSeconds(15));
        var client = TelegramClientFactory.Create(settings, http);
        var poller = new TelegramUpdatePoller(client, settings.PollTimeout, timeProvider, loggerFactory.CreateLogger<TelegramUpdatePoller>(), offsets: offsets);
        var username = await PrepareAsync(client, poller, stoppingToken);
        if (username is null)
        {
            return;
        }

        await poller.RunAsync((update, token) => HandleAsync(update, username, token), stoppingToken);
    }

    // getMe (for /cmd@botname) and setMyCommands, retried with the poller's backoff until Telegram answers.
    private async Task<string?> PrepareAsync(ITelegramBotClient client, TelegramUpdatePoller poller, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                var me = await client.GetMe(stoppingToken);
                await client.SetMyCommands(AdminMenu.Entries.Concat(subscribers is null ? [] : TelegramSubscriberCommands.Menu).Select(c => new BotCommand(c.Name, c.Description)), cancellationToken: stoppingToken);
                TelegramLog.CommandsReady(logger, me.Username ?? string.Empty);
                return me.Username ?? string.Empty;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception) when (TelegramErrorClassifier.Classify(exception, []) is not null)
            {
                var delay = poller.Backoff(failures);
                TelegramLog.PollFailed(logger, (exception as global::Telegram.Bot.Exceptions.ApiRequestException)?.ErrorCode, exception.GetType().Name, failures, delay);
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }

    private async Task HandleAsync(Update update, string username, CancellationToken cancellationToken)
    {
        if (update.Message is not { } message || TelegramCommandParser.Parse(message, username) is not { } command)
        {
            return;
        }

        TelegramMessage reply;
        if (subscribers is not null && TelegramSubscriberCommands.Handles(command))
        {
            // Open to every reader, admins included.
            reply = await subscribers.ExecuteAsync(command, commands.Allows(command.Caller), cancellationToken);
        }
        else
        {
            var answer = await commands.ExecuteAsync(command.Caller, AdminChatCommand.Parse(command.Name, command.Arguments), cancellationToken);
            if (answer is AdminReply.Refused)
            {
                TelegramLog.Refused(logger, command.Name, command.UserId);
            }

            reply = TelegramAdminReplyFormatter.Format(answer);
        }

        var chat = command.ChatId.ToString(CultureInfo.InvariantCulture);
        var outcome = await replies.SendAsync(chat, "admin-reply", reply, cancellationToken);
        if (outcome is not SendOutcome.Sent)
        {
            TelegramLog.ReplyFailed(logger, command.Name, chat, outcome.GetType().Name);
        }
    }
}
