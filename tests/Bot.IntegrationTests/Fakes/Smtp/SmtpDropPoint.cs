namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>Where the fake server cuts a connection without a reply.</summary>
public enum SmtpDropPoint
{
    /// <summary>On MAIL FROM: nothing of the message was accepted.</summary>
    MailFrom,

    /// <summary>After the whole message arrived but before the reply; the message is discarded.</summary>
    EndOfData,
}
