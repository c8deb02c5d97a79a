using Bot.Core.Audit;
using System.Globalization;
using System.Net;
using Bot.Core.Admin.Commands;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Subscriptions;

using Bot.Core.Delivery.Store;

namespace Bot.Channels.Telegram;

/// <summary>
/// <c>/start [TOPIC]</c> and <c>/stop</c> in a private chat: anyone may subscribe that chat to announcements (of one
/// tag or category when a topic is given; a new <c>/start</c> replaces the topic) and leave again. Replies are
/// short, in Arabic and English, with every inserted value escaped. Each change goes to the audit log.
/// </summary>
public sealed class TelegramSubscriberCommands(ITelegramSubscriberStore subscribers, IAuditLog audit, TimeProvider timeProvider)
{
    /// <summary>The menu entries for readers, published with setMyCommands next to the admin commands.</summary>
    public static IReadOnlyList<AdminMenuEntry> Menu { get; } =
    [
        new("start", "Get the news here (/start TOPIC: one topic only)"),
        new("stop", "Stop getting the news here"),
    ];

    private const string StopHint = "للإيقاف أرسل /stop · To stop, send /stop";
    private const string AdminHint = "Admin: /help lists the admin commands.";

    /// <summary>Subscription commands are <c>/start</c> and <c>/stop</c> sent by a user in a private chat; in groups they are not.</summary>
    public static bool Handles(TelegramCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.IsPrivateChat && command.UserId is not null && command.Name is "start" or "stop";
    }

    /// <summary>Runs a command <see cref="Handles"/> accepted; <paramref name="isAdmin"/> adds a pointer to <c>/help</c>.</summary>
    public async Task<TelegramMessage> ExecuteAsync(TelegramCommand command, bool isAdmin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Handles(command))
        {
            throw new ArgumentException($"/{command.Name} in chat {command.ChatId} is not a subscription command", nameof(command));
        }

        var (reply, action, detail) = command.Name == "start"
            ? await StartAsync(command, cancellationToken)
            : await StopAsync(command, cancellationToken);
        if (action is not null)
        {
            var caller = command.Caller;
            var entry = new AuditEntry(0, timeProvider.GetUtcNow(), caller.Actor, action, $"{command.ChatId.ToString(CultureInfo.InvariantCulture)}: {detail}", caller.Origin);
            await audit.AppendAsync(entry, cancellationToken);
        }

        return Text(isAdmin ? reply + "\n\n" + AdminHint : reply);
    }

    private async Task<(string Reply, string? Action, string Detail)> StartAsync(TelegramCommand command, CancellationToken cancellationToken)
    {
        var shown = string.Join(' ', command.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (shown.Length > SubscriptionTopic.MaxLength)
        {
            return ($"الموضوع طويل جداً: {SubscriptionTopic.MaxLength} حرفاً على الأكثر.\nThat topic is too long: at most {SubscriptionTopic.MaxLength} characters.", null, "");
        }

        var topic = SubscriptionTopic.Normalize(shown);
        var change = await subscribers.SubscribeAsync(command.ChatId, command.UserId, command.SenderName, topic, cancellationToken);
        var detail = $"{ChangeName(change)}, topic {topic ?? "(all)"}";
        if (topic is null)
        {
            return ($"<b>أهلاً بك!</b> ستصلك أخبارنا هنا.\n<b>Welcome!</b> You will get our news here.\n\n{StopHint}", "telegram-subscribe", detail);
        }

        var escaped = Escape(shown);
        return ($"<b>أهلاً بك!</b> ستصلك هنا أخبار «{escaped}» فقط.\n<b>Welcome!</b> You will get news about “{escaped}” here.\n\n"
                + $"لتلقي كل الأخبار أرسل /start · For all news, send /start\n{StopHint}", "telegram-subscribe", detail);
    }

    private async Task<(string Reply, string? Action, string Detail)> StopAsync(TelegramCommand command, CancellationToken cancellationToken)
    {
        var change = await subscribers.UnsubscribeAsync(command.ChatId, cancellationToken);
        return change == SubscriberChange.Updated
            ? ("تم إلغاء اشتراكك، ولن تصلك رسائل أخرى.\nYou are unsubscribed and will get no more messages.\n\nللعودة أرسل /start · To come back, send /start", "telegram-unsubscribe", "unsubscribed")
            : ("أنت غير مشترك. للاشتراك أرسل /start\nYou are not subscribed. To subscribe, send /start", null, "");
    }

    private static string ChangeName(SubscriberChange change) => change switch
    {
        SubscriberChange.Added => "new",
        SubscriberChange.Updated => "changed",
        _ => "unchanged",
    };

    private static TelegramMessage Text(string html) => new([new TelegramPart(html, DisableLinkPreview: true)]);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
