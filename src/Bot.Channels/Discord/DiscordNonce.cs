using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Channels;

namespace Bot.Channels.Discord;

/// <summary>
/// The <c>nonce</c> of a message create: the same delivery, part and body give the same 24 characters, so a create
/// retried after a timeout (which may have landed) returns the first message instead of posting a second one.
/// </summary>
public static class DiscordNonce
{
    /// <summary>Discord's limit for a string nonce.</summary>
    public const int MaxLength = 25;

    /// <summary>
    /// A target names a destination, not a delivery: every announcement to it shares one. The body and the ids of the
    /// parts before this one tell deliveries apart, and stay the same across retries of one delivery (the engine
    /// hands the already-sent ids back), so they go into the hash too. <paramref name="operation"/> keeps a part that
    /// an edit adds from matching a part of the same text that the first send created and the edit may have deleted.
    /// </summary>
    public static string For(DeliveryTarget target, string operation, int partIndex, IReadOnlyList<string> precedingIds, string body)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(precedingIds);
        ArgumentNullException.ThrowIfNull(body);
        var text = string.Join('\n', target.Channel, target.Destination, target.Address, operation, partIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(',', precedingIds), body);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Base64Url.EncodeToString(hash.AsSpan(0, 18));
    }
}
