using System.Text.Json;
using Bot.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Configuration;

/// <summary>The configuration stack of DESIGN.md: JSON file, then environment, then <c>--Section:Key=value</c>.</summary>
public static class BotConfiguration
{
    /// <summary>The file read when <c>--config</c> is not given, relative to the working directory.</summary>
    public const string DefaultPath = "config/appsettings.json";

    /// <summary>
    /// Builds the configuration. <paramref name="configFile"/> is the <c>--config</c> value: when given the
    /// file must exist; the default file is optional. <paramref name="defaults"/> sit below everything else.
    /// </summary>
    /// <exception cref="UserErrorException">The file is missing, unreadable or not valid JSON.</exception>
    public static IConfigurationRoot Build(
        string? configFile,
        IEnumerable<string> overrides,
        IEnumerable<KeyValuePair<string, string?>>? defaults = null)
    {
        var path = Path.GetFullPath(configFile ?? DefaultPath);
        if (configFile is not null && !File.Exists(path))
        {
            throw new UserErrorException($"no such file: {configFile}");
        }

        var builder = new ConfigurationBuilder();
        if (defaults is not null)
        {
            builder.AddInMemoryCollection(defaults);
        }

        try
        {
            builder
                .AddJsonFile(path, optional: configFile is null, reloadOnChange: false)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(ConfigurationArguments.ToPairs(overrides));
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            throw new UserErrorException($"invalid configuration file {Describe(path, e)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"cannot read configuration file {Relative(path)}: {FirstLine(e.Message)}");
        }
    }

    /// <summary>The path of the JSON file this configuration was read from, when one was.</summary>
    public static string? JsonFilePath(IConfigurationRoot configuration) =>
        configuration.Providers
            .OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>()
            .Select(p => p.Source.FileProvider?.GetFileInfo(p.Source.Path ?? "").PhysicalPath)
            .FirstOrDefault(p => p is not null && File.Exists(p));

    internal static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary><c>file:line:col: reason</c> when the JSON parser says where, else <c>file: reason</c>.</summary>
    private static string Describe(string path, Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        if (innermost is JsonException { LineNumber: { } line, BytePositionInLine: { } column } json)
        {
            var reason = json.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            return $"{Relative(path)}:{line + 1}:{column + 1}: {string.Join(' ', reason.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}";
        }

        return $"{Relative(path)}: {FirstLine(innermost.Message)}";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "unknown error" : line;
    }
}
