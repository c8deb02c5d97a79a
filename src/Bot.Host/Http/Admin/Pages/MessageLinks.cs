using System.Text.RegularExpressions;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// Links to the messages a delivery sent, from the remote ids it recorded: <c>t.me/NAME/ID</c> for a public Telegram
/// channel (<c>@NAME</c>), <c>t.me/c/ID/ID</c> for a private channel or supergroup (<c>-100…</c>), and Discord jump
/// links when <c>Discord:GuildId</c> names the server of the channel. Nothing links where the platform has no
/// address for a message (basic groups, private chats, webhooks, email).
/// </summary>
public sealed partial class MessageLinks(string? discordGuildId)
{
    public const string DiscordGuildKey = "Discord:GuildId";

    public static MessageLinks From(IConfiguration configuration) =>
        new(configuration[DiscordGuildKey] is { Length: > 0 } guild && Snowflake().IsMatch(guild.Trim()) ? guild.Trim() : null);

    /// <summary>One entry per remote id: the id and its link, or no link.</summary>
    public IReadOnlyList<(string Id, string? Url)> For(DestinationRow destination, DeliveryRecord delivery)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(delivery);
        var root = delivery.Recipient.Length > 0 ? null : Root(destination.Channel, destination.Address.Trim());
        return [.. delivery.RemoteIds.Select(id => (id, root is not null && Snowflake().IsMatch(id) ? root + id : null))];
    }

    private string? Root(string channel, string address) => channel switch
    {
        ChannelNames.Telegram when TelegramUsername().IsMatch(address) => $"https://t.me/{address[1..]}/",
        ChannelNames.Telegram when address.StartsWith("-100", StringComparison.Ordinal) && Snowflake().IsMatch(address[4..]) => $"https://t.me/c/{address[4..]}/",
        ChannelNames.Discord when discordGuildId is not null && Snowflake().IsMatch(address) => $"https://discord.com/channels/{discordGuildId}/{address}/",
        _ => null,
    };

    [GeneratedRegex(@"^\d{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Snowflake();

    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{3,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex TelegramUsername();
}
