namespace Bot.Channels.Email;

/// <summary>One failed SMTP exchange as plain values, the input of <see cref="SmtpFailureClassifier"/>.</summary>
/// <param name="Kind">Where it failed.</param>
/// <param name="StatusCode">The server's reply code, when it sent one.</param>
/// <param name="Text">The server's reply text (with any enhanced status code such as <c>5.1.1</c>) or the error message.</param>
public sealed record SmtpFailure(SmtpFailureKind Kind, int? StatusCode, string Text);
