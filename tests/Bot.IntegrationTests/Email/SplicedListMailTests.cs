using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Rendering;
using Bot.IntegrationTests.Fakes.Smtp;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MimeKit.Cryptography;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// The whole <c>bot run</c> mailing a list (planned in bulk, claimed and recorded in batches, each message spliced from
/// one rendering and its bodies encoded from shared bytes, DKIM-signed) against the unbatched path done by hand for
/// each recipient: the templates rendered in full for that subscriber, MIME built by MimeKit's BodyBuilder, signed with
/// the same key. Every message must be the same bytes, headers and body, with a signature that verifies. Unsigned, the
/// channel writes list mail as bytes (<see cref="ListMail"/>) instead of building it with MimeKit: the same holds.
/// </summary>
public sealed class SplicedListMailTests : IAsyncLifetime
{
    private const string ListName = "news";
    private const string From = "وكالة قدس برس <news@qudspress.example>";

    private static readonly Regex DkimHeader = new(@"\ADKIM-Signature:.*?\r\n(?![ \t])", RegexOptions.Singleline);

    private readonly TempDirectory dir = new();
    private readonly int port = FreePort.Next();
    private readonly string publicKey;
    private FakeSmtpServer smtp = null!;
    private BotProcess? bot;

    public SplicedListMailTests()
    {
        using var rsa = RSA.Create(2048);
        dir.Write("dkim.pem", rsa.ExportRSAPrivateKeyPem());
        publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    public async Task InitializeAsync() => smtp = await FakeSmtpServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await smtp.DisposeAsync();
        dir.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_ArabicAndPlainArticleToAList_EveryMessageTheSameBytesAsRenderedInFull(bool signed)
    {
        WriteConfiguration(signed);
        var subscribers = Subscribers();
        var csv = new StringBuilder("email,name,list\n");
        foreach (var (email, name) in subscribers)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{email},{name},{ListName}\n");
        }

        dir.Write("subscribers.csv", csv.ToString());
        var imported = await BotProcess.RunAsync(dir.Path, "subscribers", "import", dir.Combine("subscribers.csv"));
        Assert.True(imported.ExitCode == 0, imported.ToString());

        bot = BotProcess.Start(dir.Path, "run");
        await Eventually.HoldsAsync(async () => await AnswersAsync(), "/healthz answers 200");
        var arabic = dir.Write("arabic.txt", await File.ReadAllTextAsync(Articles.SamplePath));
        var plain = dir.Write("plain.txt", Articles.Text("Council agrees the budget for the coming year", paragraphs: 12));

        Drop(arabic);
        await Eventually.HoldsAsync(() => smtp.Messages.Count == subscribers.Count, $"{subscribers.Count} messages of the Arabic article arrive");
        Drop(plain);
        await Eventually.HoldsAsync(() => smtp.Messages.Count == 2 * subscribers.Count, $"{subscribers.Count} messages of the plain article arrive");

        var renderer = new MessageRenderer(dir.Combine("config", "templates"), TimeProvider.System);
        var destination = new Destination(ListName, "email", "", "personal", DestinationFilter.Everything);
        var prepared = new[] { arabic, plain }
            .Select(path => ((ArticleReadResult.Success)ArticleFileReader.ReadFile(path, DateTimeOffset.UtcNow)).Article)
            .ToDictionary(article => article.Title, article => renderer.PrepareEmail(article, destination));
        var verifier = new DkimVerifier(new InMemoryDkimKeyLocator("qudspress.example", "bot2026", publicKey));
        var signer = new DkimMessageSigner(new DkimOptions { PrivateKeyPath = dir.Combine("dkim.pem"), Domain = "qudspress.example", Selector = "bot2026" });

        foreach (var received in smtp.Messages)
        {
            var mail = received.Message;
            var to = (MailboxAddress)mail.To.Single();
            var title = prepared.Keys.Single(t => (mail.Subject ?? "").StartsWith(t, StringComparison.Ordinal));
            var unsubscribe = (mail.Headers[HeaderId.ListUnsubscribe] ?? "").Trim('<', '>');
            var name = subscribers.Single(s => s.Email == to.Address).Name;
            using var expected = Unbatched(prepared[title].Personalise(new EmailRecipient(to.Address, name, unsubscribe)), mail);

            // The server hands over the data without the CRLF that belongs to the final ".".
            var wire = Encoding.UTF8.GetString(received.Raw) + "\r\n";
            if (!signed)
            {
                Assert.Equal(Wire(expected), wire);
                continue;
            }

            Assert.Equal(Wire(expected), DkimHeader.Replace(wire, "", 1));
            var signature = mail.Headers[mail.Headers.IndexOf(HeaderId.DkimSignature)];
            Assert.True(await verifier.VerifyAsync(mail, signature), $"DKIM signature of the mail to {to.Address} verifies");
            signer.Sign(expected);
            Assert.Equal(BodyHash(expected), BodyHash(mail));
        }

        // Both articles reached every subscriber once, the spliced ones and those rendered in full alike.
        Assert.Equal(
            subscribers.Select(s => s.Email).Order(StringComparer.Ordinal).SelectMany(e => new[] { e, e }),
            smtp.Messages.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
    }

    /// <summary>More than one claim batch; names that splice (escaped in HTML), none, and one the renderer tidies (two spaces), which is rendered in full.</summary>
    private static List<(string Email, string? Name)> Subscribers()
    {
        var list = Enumerable.Range(1, 150).Select(i => ($"reader{i}@example.org", (string?)(i % 3 == 0 ? null : $"قارئ {i}"))).ToList();
        list.Add(("obrien@example.org", "Zoë & <O'Brien>"));
        list.Add(("spaced@example.org", "Ali  Hassan"));
        list.Add(("plus+tag@example.org", null));
        return list;
    }

    /// <summary>The message as the unbatched path builds it: BodyBuilder over the full rendering, with the wire's Message-ID, Date and boundary.</summary>
    private static MimeMessage Unbatched(EmailMessage email, MimeMessage received)
    {
        var builder = new EmailMimeBuilder(From, new FakeTimeProvider(received.Date));
        var message = builder.Build(email, received.MessageId);
        message.Headers.Add(HeaderId.ListId, $"<{ListName}.qudspress.example>");
        ((Multipart)message.Body!).Boundary = ((Multipart)received.Body!).Boundary!;
        return message;
    }

    /// <summary>The message as SMTP carries it, CRLF line ends.</summary>
    private static string Wire(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string BodyHash(MimeMessage message)
    {
        var value = (message.Headers[HeaderId.DkimSignature] ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).Replace("\r\n", "", StringComparison.Ordinal);
        return value.Split(';').Single(tag => tag.StartsWith("bh=", StringComparison.Ordinal));
    }

    private void Drop(string article)
    {
        var staged = dir.Combine(Path.GetFileName(article) + ".part");
        File.Copy(article, staged);
        File.Move(staged, dir.Combine("data", "inbox", Path.GetFileName(article)));
    }

    private void WriteConfiguration(bool signed)
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "templates"), dir.Combine("config", "templates"));
        // A set that names the subscriber in the bodies, so splicing fills values into the article's text, not only the footer.
        var html = File.ReadAllText(dir.Combine("config", "templates", "email", "body.html.liquid"));
        dir.Write("config/templates/personal/body.html.liquid", html.Replace("</body>", "<p>{{ subscriber.name }} — {{ subscriber.email }}</p>\n</body>", StringComparison.Ordinal));
        var text = File.ReadAllText(dir.Combine("config", "templates", "email", "body.txt.liquid"));
        dir.Write("config/templates/personal/body.txt.liquid", text + "\n{{ subscriber.name }} <{{ subscriber.email }}>\n");
        Directory.CreateDirectory(dir.Combine("data", "inbox"));
        dir.Write("config/appsettings.json", $$"""
            {
              "Http": { "Urls": "http://127.0.0.1:{{port}}" },
              "Sources": { "Seed": "" },
              "Email": {
                "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "Security": "None", "PoolSize": 2 },
                "From": "{{From}}",
                "PublicBaseUrl": "https://news.example.org",
                {{(signed ? $$"""
                "Dkim": { "PrivateKeyPath": "{{dir.Combine("dkim.pem")}}", "Domain": "qudspress.example", "Selector": "bot2026" },
                """ : "")}}
                "Destinations": [ { "Name": "{{ListName}}", "Template": "personal" } ]
              }
            }
            """);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        if (bot!.HasExited)
        {
            throw new Xunit.Sdk.XunitException($"bot run exited early:\n{await bot.WaitForExitAsync()}");
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            return (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
