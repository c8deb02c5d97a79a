using System.CommandLine;
using Bot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

public static class RetractCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Key of the article to retract" };
        var command = new Command(
            "retract",
            "Retract an article: its sent Telegram and Discord messages are deleted and its unsent deliveries cancelled (by `bot run`)")
        {
            id,
        };
        command.SetAction((parseResult, cancellationToken) => context.WithStoreAsync(
            parseResult,
            async (services, token) =>
            {
                var key = parseResult.GetValue(id)!;
                var store = services.GetRequiredService<IArticleStore>();
                var article = await store.GetAsync(key, null, token) ?? throw new UserErrorException($"no such article: {key}");
                if (article.Retracted)
                {
                    throw new UserErrorException($"{key} is already retracted (version {article.Version})");
                }

                // A retraction is a new version: the dispatcher plans it like any other, so it survives restarts
                // and reaches every host sharing the store.
                var result = await store.ImportAsync(
                    article with { Version = 0, Retracted = true, Received = services.GetRequiredService<TimeProvider>().GetUtcNow() }, token);
                context.Output.WriteLine($"{result.Key}  {result.Version}  retracted  {result.Title}");
                return 0;
            },
            cancellationToken));
        return command;
    }
}
