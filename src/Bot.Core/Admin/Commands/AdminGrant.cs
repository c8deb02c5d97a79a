namespace Bot.Core.Admin.Commands;

/// <summary>
/// Who may command the bot through one surface: the user ids configured for a chat (<c>Telegram:Admins</c>,
/// <c>Discord:Admins</c>), or <c>admin</c> for the HTTP surface when <c>Http:AdminKey</c> is set. Each surface
/// registers its own; <see cref="AdminAuthorization"/> reads them all.
/// </summary>
public sealed record AdminGrant(string Surface, IReadOnlyCollection<string> Ids);
