using Bot.Core.Channels;
using Telegram.Bot.Exceptions;

namespace Bot.Channels.Telegram;

/// <summary>
/// Turns Bot API failures into <see cref="SendOutcome"/> values. The code decides first, the description only
/// refines it, because Telegram documents <c>error_code</c> as the stable part and words its texts freely.
/// </summary>
public static class TelegramErrorClassifier
{
    // 400 answers that mean the chat is unusable for us until someone changes the configuration.
    private static readonly string[] GoneDescriptions =
    [
        "chat not found",
        "group chat was deactivated",
        "peer_id_invalid",
        "channel_private",
        "user not found",
        "chat_write_forbidden",
        "need administrator rights",
        "not enough rights",
        "have no rights to send",
    ];

    /// <summary>Classifies an API error answer; <paramref name="remoteIds"/> are the parts that exist on Telegram.</summary>
    public static SendOutcome Classify(TelegramApiError error, IReadOnlyList<string> remoteIds)
    {
        var reason = $"Telegram {error.ErrorCode}: {error.Description}";
        if (error.MigrateToChatId is { } newChat)
        {
            return new SendOutcome.TargetMoved(remoteIds, newChat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return error.ErrorCode switch
        {
            429 or 420 => new SendOutcome.RetryLater(remoteIds, error.RetryAfter is { } s ? TimeSpan.FromSeconds(s) : null, reason),
            401 or 404 => new SendOutcome.Unavailable(remoteIds, reason),
            403 => new SendOutcome.Rejected(remoteIds, reason, TargetGone: true),
            409 or 408 => new SendOutcome.RetryLater(remoteIds, null, reason),
            >= 500 => new SendOutcome.RetryLater(remoteIds, null, reason),
            _ when Contains(error.Description, GoneDescriptions) => new SendOutcome.Rejected(remoteIds, reason, TargetGone: true),
            _ => new SendOutcome.Rejected(remoteIds, reason, TargetGone: false),
        };
    }

    /// <summary>
    /// Classifies what Telegram.Bot threw: API answers by their values, transport failures and timeouts as
    /// "retry later" (the request may or may not have reached Telegram). Returns <see langword="null"/> for
    /// anything else, which is a bug and must propagate.
    /// </summary>
    public static SendOutcome? Classify(Exception exception, IReadOnlyList<string> remoteIds) => exception switch
    {
        ApiRequestException api => Classify(ToApiError(api), remoteIds),
        RequestException { HttpStatusCode: { } status } request when (int)status >= 400 => Classify(new TelegramApiError((int)status, request.Message), remoteIds),
        RequestException or HttpRequestException or TimeoutException or OperationCanceledException or IOException =>
            new SendOutcome.RetryLater(remoteIds, null, $"Telegram unreachable: {exception.Message}"),
        _ => null,
    };

    /// <summary>Reads the values of an API answer out of Telegram.Bot's exception.</summary>
    public static TelegramApiError ToApiError(ApiRequestException exception) =>
        new(exception.ErrorCode, exception.Message, exception.Parameters?.RetryAfter, exception.Parameters?.MigrateToChatId);

    /// <summary>An edit that changes nothing: the message already shows this content.</summary>
    public static bool IsNotModified(TelegramApiError error) =>
        error.ErrorCode == 400 && error.Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>A delete of a message that is already gone.</summary>
    public static bool IsAlreadyDeleted(TelegramApiError error) =>
        error.ErrorCode == 400 && error.Description.Contains("message to delete not found", StringComparison.OrdinalIgnoreCase);

    /// <summary>An edit aimed at the wrong kind of message: text edit of a photo, or caption edit of a text.</summary>
    public static bool IsWrongEditKind(TelegramApiError error) =>
        error.ErrorCode == 400
        && (error.Description.Contains("there is no text in the message to edit", StringComparison.OrdinalIgnoreCase)
            || error.Description.Contains("there is no caption in the message to edit", StringComparison.OrdinalIgnoreCase));

    private static bool Contains(string description, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (description.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
