namespace Bot.Channels.Email;

/// <summary>A session that could not be secured as <c>Email:Smtp:Security</c> requires; nothing was sent on it.</summary>
/// <param name="message">One line saying why, with no secret in it.</param>
internal sealed class SmtpTlsException(string message, Exception? inner = null) : Exception(message, inner);
