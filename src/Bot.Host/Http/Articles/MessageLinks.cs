using System.Text.RegularExpressions;
using Bot.Core.Channels;

namespace Bot.Host.Http.Articles;

/// <summary>
/// Links to sent messages, from the destination's address and a message's remote id. Telegram: a public channel or
/// group named <c>@NAME</c> has <c>https://t.me/NAME/ID</c>; a supergroup or channel by numeric id (<c>-100…</c>) has
/// <c>https://t.me/c/ID-WITHOUT-100/ID</c>, which opens for its members. Basic groups and private chats have no
/// links. Discord's jump link needs the guild id, which neither the configuration nor the delivery rows hold, so
/// Discord messages are given by remote id only.
/// </summary>
public static partial class MessageLinks
{
    public static string? For(string channel, string address, string remoteId)
    {
        if (channel != ChannelNames.Telegram || !MessageId().IsMatch(remoteId)) return null;
        if (address.StartsWith('@') && PublicName().IsMatch(address[1..])) return $"https://t.me/{address[1..]}/{remoteId}";
        return SupergroupId().Match(address) is { Success: true } match ? $"https://t.me/c/{match.Groups[1].Value}/{remoteId}" : null;
    }

    [GeneratedRegex("^[0-9]{1,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{3,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex PublicName();

    [GeneratedRegex("^-100([0-9]{1,16})$", RegexOptions.CultureInvariant)]
    private static partial Regex SupergroupId();
}
