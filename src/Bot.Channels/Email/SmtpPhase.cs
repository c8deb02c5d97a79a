namespace Bot.Channels.Email;

/// <summary>What the client was doing when an exception left MailKit.</summary>
public enum SmtpPhase
{
    Connect,
    Authenticate,
    Send,
}
