using System.CommandLine;
using Bot.Core.Admin.Commands;
using Bot.Host.Cli.Admin;

namespace Bot.Host.Cli;

public static class ArticlesCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string?>("ID")
        {
            Description = "Id of the article to show in full (as the list shows it); without it, recent articles are listed",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var version = new Option<int?>("--version")
        {
            Description = "With ID: show this version instead of the latest",
            HelpName = "N",
        };
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many recent articles to list",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("articles", "List recent articles (id, version, published, language, title), or show one in full with its deliveries")
        {
            id,
            version,
            limit,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(id) is not { } key)
            {
                var count = parseResult.GetValue(limit);
                if (count < 1)
                {
                    throw new UserErrorException("--limit must be at least 1");
                }

                return CliAdminCommands.RunAsync(context, parseResult, new AdminRequest.Articles(count) { Asked = "articles" }, cancellationToken);
            }

            var request = new AdminRequest.Article(key, parseResult.GetValue(version)) { Asked = "articles " + key };
            return CliAdminCommands.RunAsync(context, parseResult, request, cancellationToken);
        });
        return command;
    }
}
