using System.Text;
using Bot.Host.Cli;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
return await BotCommandLine.InvokeAsync(args, console, Console.Out, Console.Error);
