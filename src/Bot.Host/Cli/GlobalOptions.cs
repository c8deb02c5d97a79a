using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>Options every verb accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Configuration file to read instead of config/appsettings.json",
        HelpName = "FILE",
        Recursive = true,
    };
}
