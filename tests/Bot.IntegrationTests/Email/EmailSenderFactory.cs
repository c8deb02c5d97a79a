using Bot.Channels.Email;
using Bot.IntegrationTests.Fakes.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.IntegrationTests.Email;

internal static class EmailSenderFactory
{
    public const string From = "وكالة قدس برس <news@qudspress.example>";

    /// <summary>Plain sessions by default; the fake servers speak TLS only when started so.</summary>
    public static EmailOptions Options(int port, int poolSize = 2, SmtpSecurity security = SmtpSecurity.None) => new()
    {
        From = From,
        PublicBaseUrl = "https://news.example.org",
        Smtp = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            PoolSize = poolSize,
            Security = security,
            Timeout = TimeSpan.FromSeconds(10),
            LocalDomain = "bot.test",
        },
    };

    public static EmailChannelSender Create(FakeSmtpServer server, int poolSize = 2) => Create(Options(server.Port, poolSize));

    public static EmailChannelSender Create(EmailOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<EmailChannelSender>.Instance);
}
