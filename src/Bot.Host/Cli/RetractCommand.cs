using System.CommandLine;
using Bot.Core.Articles;
using Bot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

public static class RetractCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Id of the article to retract, as `bot articles` shows it" };
        var command = new Command(
            "retract",
            "Retract an article: its sent Telegram and Discord messages are deleted and its unsent deliveries cancelled (by `bot run`); " +
            "the same item arriving again changes nothing")
        {
            id,
        };
        command.SetAction((parseResult, cancellationToken) => context.WithStoreAsync(
            parseResult,
            async (services, token) =>
            {
                var key = parseResult.GetValue(id)!;
                switch (await new ArticleRetractor(services.GetRequiredService<IArticleStore>(), services.GetRequiredService<TimeProvider>()).RetractAsync(key, token))
                {
                    case RetractOutcome.Retracted { Version: var result }:
                        context.Output.WriteLine($"{result.Key}  {result.Version}  retracted  {result.Title}");
                        return 0;
                    case RetractOutcome.AlreadyRetracted already:
                        throw new UserErrorException($"{already.Id} is already retracted (version {already.Version})");
                    default:
                        throw new UserErrorException($"no such article: {key}");
                }
            },
            cancellationToken));
        return command;
    }
}
