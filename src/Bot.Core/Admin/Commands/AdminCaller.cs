namespace Bot.Core.Admin.Commands;

/// <summary>Who asked for an admin command, and through which surface.</summary>
/// <param name="Surface">
/// <c>telegram</c>, <c>discord</c>, <c>http</c> or <c>cli</c>: the prefix of the actor in the audit log and the
/// surface whose <see cref="AdminGrant"/> decides.
/// </param>
/// <param name="Id">The user on that surface: a Telegram or Discord user id; <c>admin</c> for the HTTP key.</param>
/// <param name="RecordsReads">
/// Whether commands that only read go to the audit log too. A chat command is a message someone sent to the bot
/// and worth a record; the dashboard reads the status on every page view, and those are not.
/// </param>
public sealed record AdminCaller(string Surface, string Id, bool RecordsReads)
{
    /// <summary>
    /// From where the command came, for the audit log: the client address of an HTTP request, <c>chat:ID</c> for a
    /// Telegram chat, <c>guild:ID/channel:ID</c> (or <c>channel:ID</c> in a DM) for Discord; null for the CLI.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>The caller of the HTTP admin API and pages: whoever holds <c>Http:AdminKey</c>.</summary>
    public static AdminCaller Http { get; } = new("http", "admin", RecordsReads: false);

    /// <summary>How the audit log names the caller: <c>telegram:42</c>, <c>discord:1234</c>, <c>http:admin</c>.</summary>
    public string Actor => Surface + ":" + Id;

    /// <summary>The audit log's action for a command from this surface: <c>telegram-command</c>, <c>http-command</c>, …</summary>
    public string AuditAction => Surface + "-command";

    /// <summary>Someone who wrote to the bot in a chat (Telegram, Discord).</summary>
    public static AdminCaller Chat(string surface, string id) => new(surface, id, RecordsReads: true);
}
