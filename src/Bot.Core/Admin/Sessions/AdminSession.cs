namespace Bot.Core.Admin.Sessions;

/// <summary>One sign-in to the admin pages as the store keeps it: never the cookie's id itself, only its hash.</summary>
/// <param name="IdHash">SHA-256 of the random session id the cookie carries, lower-case hex.</param>
/// <param name="KeyId">Which admin key the session was opened with; a session of another key is not valid.</param>
/// <param name="Origin">The client address that signed in.</param>
public sealed record AdminSession(string IdHash, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? Origin);
