using Bot.Channels.Email;
using Bot.IntegrationTests.Fakes.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.IntegrationTests.Email;

internal static class EmailSenderFactory
{
    public const string From = "وكالة قدس برس <news@qudspress.example>";

    public static EmailOptions Options(int port, int poolSize = 2) => new()
    {
        From = From,
        PublicBaseUrl = "https://news.example.org",
        Smtp = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            PoolSize = poolSize,
            Timeout = TimeSpan.FromSeconds(10),
            LocalDomain = "bot.test",
        },
    };

    public static EmailChannelSender Create(FakeSmtpServer server, int poolSize = 2) => Create(Options(server.Port, poolSize));

    public static EmailChannelSender Create(EmailOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<EmailChannelSender>.Instance);
}
