using Bot.Core.Channels;

namespace Bot.Channels.Discord;

/// <summary>
/// Turns Discord failures into <see cref="SendOutcome"/> values. The JSON <c>code</c> decides where it is known, the
/// status otherwise; the route kind matters for 401 and 404, because a bad bot token stops the whole channel while a
/// bad webhook only loses that destination, and a webhook 404 must never be retried (Discord blocks repeat offenders).
/// </summary>
public static class DiscordErrorClassifier
{
    /// <summary>Classifies <paramref name="error"/> from a route that was a webhook or not; <paramref name="remoteIds"/> exist on Discord.</summary>
    public static SendOutcome Classify(DiscordApiError error, bool webhook, IReadOnlyList<string> remoteIds)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = Describe(error);
        return error switch
        {
            { Status: 429 } => new SendOutcome.RetryLater(remoteIds, error.RetryAfter, reason) { ChannelWide = error.Global },
            { Status: 0 } or { Status: >= 500 } or { Status: 408 } or { Code: DiscordApiError.Overloaded } =>
                new SendOutcome.RetryLater(remoteIds, null, reason),
            { Status: 401 } or { Code: DiscordApiError.InvalidWebhookToken } => webhook
                ? new SendOutcome.Rejected(remoteIds, reason, TargetGone: true)
                : new SendOutcome.Unavailable(remoteIds, reason),
            { Status: 403 } => new SendOutcome.Rejected(remoteIds, reason, TargetGone: true),
            { Code: DiscordApiError.UnknownChannel or DiscordApiError.UnknownWebhook } => new SendOutcome.Rejected(remoteIds, reason, TargetGone: true),
            { Code: DiscordApiError.UnknownMessage } => new SendOutcome.Rejected(remoteIds, reason, TargetGone: false),
            { Status: 404 } => new SendOutcome.Rejected(remoteIds, reason, TargetGone: true),
            _ => new SendOutcome.Rejected(remoteIds, reason, TargetGone: false),
        };
    }

    /// <summary>One line for logs and outcomes: status, code, message and field errors.</summary>
    public static string Describe(DiscordApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var head = error.Status == 0 ? "Discord unreachable" : $"Discord {error.Status}";
        var code = error.Code == 0 ? string.Empty : $" {error.Code}";
        var fields = string.IsNullOrEmpty(error.FieldErrors) ? string.Empty : $" ({error.FieldErrors})";
        var scope = error.Status == 429 && error.Scope is not null ? $" [scope {error.Scope}]" : string.Empty;
        return $"{head}{code}: {error.Message}{fields}{scope}";
    }
}
