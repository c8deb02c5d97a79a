namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>How a <see cref="ScriptedSmtpSession"/> is secured.</summary>
public enum ScriptedTls
{
    None,
    StartTls,
    Implicit,
}
