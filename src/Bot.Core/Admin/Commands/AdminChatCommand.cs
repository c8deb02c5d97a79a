using System.Globalization;
using Bot.Core.Channels;

namespace Bot.Core.Admin.Commands;

/// <summary>Reads a chat command (<c>/name arguments</c>, from Telegram or a Discord slash command) into an <see cref="AdminRequest"/>.</summary>
public static class AdminChatCommand
{
    /// <summary>How many articles <c>/articles</c> lists.</summary>
    public const int ArticlesListed = 10;

    /// <param name="name">The command name, lower case, without the slash.</param>
    /// <param name="arguments">The rest of the message, trimmed.</param>
    public static AdminRequest Parse(string name, string arguments)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(arguments);
        var asked = $"/{name} {arguments}".Trim();
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return name switch
        {
            "help" or "start" => new AdminRequest.Help { Asked = asked },
            "status" => new AdminRequest.Status { Asked = asked },
            "articles" => new AdminRequest.Articles(ArticlesListed) { Asked = asked },
            "preview" when words.Length == 0 => Malformed(name, "Usage: /preview ID [telegram|discord|email]", asked),
            "preview" => new AdminRequest.Preview(words[0], words.Length > 1 ? words[1].ToLowerInvariant() : ChannelNames.Telegram) { Asked = asked },
            "retry" when arguments.Length == 0 => new AdminRequest.Retry(null) { Asked = asked },
            "retry" => long.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new AdminRequest.Retry(id) { Asked = asked }
                : Malformed(name, "Usage: /retry [delivery id]", asked),
            "pause" or "resume" when arguments.Length == 0 => Malformed(name, $"Usage: /{name} NAME (see /destinations)", asked),
            "pause" => new AdminRequest.Pause(arguments) { Asked = asked },
            "resume" => new AdminRequest.Resume(arguments) { Asked = asked },
            "destinations" => new AdminRequest.Destinations { Asked = asked },
            "publish" when words.Length != 1 => Malformed(name, "Usage: /publish ID (see /articles)", asked),
            "publish" => new AdminRequest.Publish(words[0]) { Asked = asked },
            "subscribers" => new AdminRequest.Subscribers { Asked = asked },
            _ => new AdminRequest.Unknown(name) { Asked = asked },
        };
    }

    private static AdminRequest.Malformed Malformed(string name, string usage, string asked) => new(name, usage) { Asked = asked };
}
