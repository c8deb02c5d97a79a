namespace Bot.Channels.Discord;

/// <summary>A failed REST call as plain values.</summary>
/// <param name="Status">HTTP status; 0 when no answer came (connection failure, timeout).</param>
/// <param name="Code">Discord's JSON error <c>code</c> (10003, 50013, …); 0 when absent.</param>
/// <param name="Message">Discord's <c>message</c>, or what went wrong on the way.</param>
/// <param name="FieldErrors">For 50035: the <c>errors</c> tree flattened to <c>field: message (CODE)</c> lines.</param>
/// <param name="RetryAfter">For 429: the JSON <c>retry_after</c>, rounded up to whole milliseconds.</param>
/// <param name="Global">For 429: the global limit was hit.</param>
/// <param name="Scope">For 429: <c>user</c>, <c>global</c>, <c>shared</c>, or <c>local</c> when our own book-keeping refused.</param>
public sealed record DiscordApiError(
    int Status,
    int Code,
    string Message,
    string? FieldErrors = null,
    TimeSpan? RetryAfter = null,
    bool Global = false,
    string? Scope = null)
{
    /// <summary>Discord error codes the channel reacts to.</summary>
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int Overloaded = 130000;

    /// <summary>The message to edit or delete no longer exists.</summary>
    public bool IsUnknownMessage => Status == 404 && Code == UnknownMessage;
}
