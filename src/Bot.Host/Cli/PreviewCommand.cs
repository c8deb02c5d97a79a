using System.CommandLine;
using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Host.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bot.Host.Cli;

public static class PreviewCommand
{
    public const string DefaultFrom = "news@example.invalid";
    public const string DefaultRecipient = "reader@example.invalid";
    public const string DefaultUnsubscribeUrl = "https://example.invalid/unsubscribe?token=preview";

    public static Command Create(CliContext context)
    {
        var article = new Argument<string>("ID-or-FILE")
        {
            Description = "An article file (.txt, .md, .json), or the key of an article in the store",
        };
        var channel = new Option<string?>("--channel")
        {
            Description = "Only this channel's destinations",
        };
        channel.AcceptOnlyFromAmong([.. ChannelNames.All]);
        var destination = new Option<string?>("--destination")
        {
            Description = "Only this destination",
            HelpName = "NAME",
        };
        var command = new Command("preview", "Print exactly what each destination would be sent (platform request bodies as JSON, email as raw MIME); sends nothing")
        {
            article,
            channel,
            destination,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = context.LoadConfiguration(parseResult);
            var destinations = Select(ReadDestinations(configuration), parseResult.GetValue(channel), parseResult.GetValue(destination));
            if (TemplateGuard.TryLoad(configuration, TimeProvider.System, context.Error) is not { } renderer)
            {
                return 1;
            }

            var argument = parseResult.GetRequiredValue(article);
            if (File.Exists(argument))
            {
                // The file's own time stands in for "when the bot read it", so two previews print the same dates.
                var read = ArticleFileReader.ReadFile(argument, new DateTimeOffset(File.GetLastWriteTimeUtc(argument), TimeSpan.Zero));
                if (read is ArticleReadResult.Failure failure)
                {
                    throw new UserErrorException($"{argument}: {failure.Reason}");
                }

                Print(context.Output, configuration, renderer, ((ArticleReadResult.Success)read).Article, destinations);
                return 0;
            }

            return await context.WithStoreAsync(
                parseResult,
                async (services, token) =>
                {
                    var stored = await services.GetRequiredService<IArticleStore>().GetAsync(argument, null, token)
                        ?? throw new UserErrorException($"no article '{argument}'");
                    Print(context.Output, configuration, renderer, stored, destinations);
                    return 0;
                },
                cancellationToken);
        });
        return command;
    }

    /// <summary>The destinations asked for, in configuration order; a name that matches none is the user's mistake.</summary>
    public static IReadOnlyList<Destination> Select(IReadOnlyList<Destination> destinations, string? channel, string? name)
    {
        // The private-chat subscribers get what the channel's default template renders: shown only when asked for by name.
        var selected = destinations.Where(d => (channel is null || d.Channel == channel) && !TelegramSubscriberDestination.IsSubscriberList(d)).ToList();
        if (name is not null)
        {
            var named = destinations.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UserErrorException($"unknown destination '{name}' (known: {string.Join(", ", destinations.Select(d => d.Name))})");
            if (channel is not null && named.Channel != channel)
            {
                throw new UserErrorException($"destination '{named.Name}' is on {named.Channel}, not {channel}");
            }

            selected = [named];
        }

        return selected;
    }

    private static void Print(TextWriter output, IConfiguration configuration, MessageRenderer renderer, Article article, IReadOnlyList<Destination> destinations)
    {
        var first = true;
        foreach (var destination in destinations)
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            // Shown anyway, so a template can be tried on any article; the header says it would not go out.
            var skipped = new DestinationFilterMatcher(destination.Filter).Matches(article) ? "" : " (filter does not match: not sent)";
            switch (destination.Channel)
            {
                case ChannelNames.Telegram:
                    // The subscribers' list has no chat of its own: each subscriber's chat id goes where this placeholder is.
                    var chat = TelegramSubscriberDestination.IsSubscriberList(destination) ? "SUBSCRIBER_CHAT_ID" : destination.Address;
                    output.WriteLine($"== telegram: {destination.Name} (chat {chat}){skipped} ==");
                    PrintRequests(output, MessagePreview.Telegram(renderer.RenderTelegram(article, destination), chat));
                    break;
                case ChannelNames.Discord:
                    var webhook = IsWebhook(destination);
                    output.WriteLine(webhook
                        ? $"== discord: {destination.Name} (webhook){skipped} =="
                        : $"== discord: {destination.Name} (channel {destination.Address}){skipped} ==");
                    var requests = MessagePreview.Discord(renderer.RenderDiscord(article, destination), destination.Address);
                    // A webhook URL holds its token: the route is shown without it.
                    PrintRequests(output, webhook ? [.. requests.Select(r => r with { Endpoint = "POST " + WebhookRoute(destination.Address) })] : requests);
                    break;
                case ChannelNames.Email:
                    var recipient = Recipient(configuration);
                    output.WriteLine($"== email: {destination.Name} (sample recipient {recipient.Email}){skipped} ==");
                    var email = renderer.PrepareEmail(article, destination).Personalise(recipient);
                    var from = configuration["Email:From"] is { Length: > 0 } configured ? configured : DefaultFrom;
                    var mime = new EmailMimeBuilder(from, TimeProvider.System).Build(email);
                    FixBoundaries(mime.Body, 0);
                    output.Write(EmailMimeBuilder.Format(mime));
                    break;
            }
        }
    }

    private static void PrintRequests(TextWriter output, IReadOnlyList<PreviewRequest> requests)
    {
        for (var i = 0; i < requests.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            var endpoint = requests[i].Endpoint;
            output.WriteLine(endpoint.StartsWith("POST ", StringComparison.Ordinal) ? endpoint : "POST " + endpoint);
            output.WriteLine(requests[i].Body);
        }
    }

    /// <summary>
    /// Boundaries are random per message; fixed ones keep two previews identical but for Date and Message-Id.
    /// "=-" can appear in neither base64 nor quoted-printable text, so the boundary never collides with a body.
    /// </summary>
    private static int FixBoundaries(MimeEntity? entity, int next)
    {
        if (entity is Multipart multipart)
        {
            multipart.Boundary = $"=-preview-{next++}";
            foreach (var child in multipart)
            {
                next = FixBoundaries(child, next);
            }
        }

        return next;
    }

    private static EmailRecipient Recipient(IConfiguration configuration)
    {
        var email = configuration["Email:Preview:Recipient"] is { Length: > 0 } configured ? configured : DefaultRecipient;
        var unsubscribe = configuration["Email:PublicBaseUrl"] is { Length: > 0 } root
            ? root.TrimEnd('/') + "/unsubscribe?token=preview"
            : DefaultUnsubscribeUrl;
        return new EmailRecipient(email, null, unsubscribe);
    }

    private static bool IsWebhook(Destination destination) =>
        destination.Address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || destination.Address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>/webhooks/ID/***?wait=true</c> for a webhook URL.</summary>
    private static string WebhookRoute(string url)
    {
        var segments = new Uri(url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "webhooks");
        var id = at >= 0 && at + 1 < segments.Length ? segments[at + 1] : "ID";
        return $"/webhooks/{id}/***?wait=true";
    }

    /// <summary>What <c>bot run</c> delivers to, the implicit destinations of dry channels included.</summary>
    private static IReadOnlyList<Destination> ReadDestinations(IConfiguration configuration)
    {
        try
        {
            return DeliveryConfiguration.ReadDestinations(configuration, ChannelCredentials.DryChannels(configuration));
        }
        catch (InvalidOperationException e)
        {
            throw new UserErrorException(e.Message);
        }
    }
}
