using MimeKit;

namespace Bot.IntegrationTests.Fakes.Smtp;

/// <summary>One message the fake server accepted: its envelope, the session it came on (and whether it was TLS), and the parsed MIME.</summary>
public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, Guid SessionId, MimeMessage Message, byte[] Raw, bool OverTls = false);
