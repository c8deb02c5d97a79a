using System.CommandLine;
using Bot.Core.Storage;
using Bot.Host.Sources;
using Bot.Host.Sources.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Host.Cli;

public static class ImportCommand
{
    /// <summary>From this many files on, an interactive terminal gets a progress bar.</summary>
    public const int ProgressThreshold = 20;

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Article files (.txt, .md, .json) or folders to import; folders are searched recursively for article files",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Add article files or folders to the store; prints KEY VERSION TITLE (status) per article; exit 1 when any file was rejected")
        {
            paths,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var files = ExpandPaths(parseResult.GetRequiredValue(paths));
            return context.WithStoreAsync(
                parseResult,
                (services, token) => ImportAsync(context.Console, context.Output, services.GetRequiredService<ArticleImporter>(), files, token),
                cancellationToken);
        });
        return command;
    }

    /// <summary>The files to import, in a stable order; a path that does not exist is the user's mistake.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => ArticleImporter.HasArticleExtension(f) && !InboxFolder.IsIgnored(Path.GetFileName(f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new UserErrorException($"no such file: {path}");
            }
        }

        return files;
    }

    /// <summary>
    /// Imports <paramref name="files"/> in order. On an interactive terminal a long run shows a progress bar
    /// and the report lines scroll above it; otherwise each line goes to <paramref name="output"/> as is,
    /// unwrapped, for scripts and logs. Returns the exit code: 1 when any file was rejected, else 0.
    /// </summary>
    public static async Task<int> ImportAsync(
        IAnsiConsole console,
        TextWriter output,
        ArticleImporter importer,
        IReadOnlyList<string> files,
        CancellationToken cancellationToken)
    {
        var tally = new ImportTally();
        if (files.Count >= ProgressThreshold && console.Profile.Capabilities.Interactive)
        {
            // Text, not markup: titles and reasons are data, and '[' in them must print as itself.
            Action<string> writeLine = line => console.WriteLine(line, Style.Plain);
            await console.Progress()
                .AutoClear(false)
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Importing", maxValue: files.Count);
                    foreach (var file in files)
                    {
                        await ImportOneAsync(writeLine, importer, file, tally, cancellationToken);
                        task.Increment(1);
                    }
                });
            writeLine(tally.Summary);
        }
        else
        {
            foreach (var file in files)
            {
                await ImportOneAsync(output.WriteLine, importer, file, tally, cancellationToken);
            }

            output.WriteLine(tally.Summary);
        }

        // The good files are in the store either way; the exit code tells a script that some were not.
        return tally.Rejected == 0 ? 0 : 1;
    }

    private static async Task ImportOneAsync(Action<string> writeLine, ArticleImporter importer, string file, ImportTally tally, CancellationToken cancellationToken)
    {
        switch (await importer.ImportFileAsync(file, cancellationToken))
        {
            case FileImportOutcome.Imported { Result: var r }:
                tally.Count(r.Status);
                writeLine($"{r.Key} {r.Version} {r.Title} ({Describe(r.Status)})");
                break;
            case FileImportOutcome.Rejected rejected:
                tally.Rejected++;
                writeLine($"REJECTED {file}: {rejected.Reason}");
                break;
        }
    }

    internal static string Describe(ImportStatus status) => status switch
    {
        ImportStatus.Created => "created",
        ImportStatus.Updated => "updated",
        ImportStatus.Retracted => "retracted",
        _ => "unchanged",
    };

    private sealed class ImportTally
    {
        public int Imported { get; private set; }

        public int Unchanged { get; private set; }

        public int Rejected { get; set; }

        public string Summary => $"{Imported} imported, {Unchanged} unchanged, {Rejected} rejected";

        public void Count(ImportStatus status)
        {
            // A retracted article that stays retracted is counted as unchanged: nothing was stored.
            if (!ArticleImporter.Changed(status))
            {
                Unchanged++;
            }
            else
            {
                Imported++;
            }
        }
    }
}
