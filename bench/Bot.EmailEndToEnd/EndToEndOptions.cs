using System.Globalization;

namespace Bot.EmailEndToEnd;

/// <summary>The harness's command line: <c>[--subscribers N] [--connections C] [--tls] [--later] [--bot PATH/bot.dll]</c>.</summary>
internal sealed record EndToEndOptions(int Subscribers, int Connections, bool Tls, bool Later, string? Bot = null)
{
    public const string Usage = "usage: Bot.EmailEndToEnd [--subscribers 20000] [--connections 4] [--tls] [--later] [--bot PATH/bot.dll]";

    public static EndToEndOptions Parse(string[] args)
    {
        var options = new EndToEndOptions(20_000, 4, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--subscribers" => options with { Subscribers = Number(args, ++i) },
                "--connections" => options with { Connections = Number(args, ++i) },
                "--tls" => options with { Tls = true },
                "--later" => options with { Later = true },
                "--bot" => options with { Bot = Existing(args, ++i) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'; {Usage}"),
            };
        }

        return options;
    }

    private static string Existing(string[] args, int i) =>
        i < args.Length && File.Exists(args[i])
            ? Path.GetFullPath(args[i])
            : throw new ArgumentException($"--bot needs the path of an existing bot.dll; {Usage}");

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive number; {Usage}");
}
