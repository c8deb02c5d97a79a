using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>A key that signs subscription links. Its value never appears in logs or messages.</summary>
public sealed class SubscriptionTokenKey
{
    /// <summary>256 bits: the HMAC-SHA256 output size, below which the key would be the weak link.</summary>
    public const int MinimumBytes = 32;

    private static readonly byte[] IdLabel = Encoding.ASCII.GetBytes("bot subscription token key id");

    private readonly byte[] bytes;

    private SubscriptionTokenKey(byte[] bytes)
    {
        this.bytes = bytes;
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(bytes, IdLabel, mac);
        Id = BinaryPrimitives.ReadUInt32BigEndian(mac);
    }

    /// <summary>
    /// The key's id, written into every token it signs so that verification finds the key among the current and
    /// previous ones. Derived from the key, so rotating needs no id to be chosen; 32 bits of a MAC say nothing
    /// useful about the key itself.
    /// </summary>
    public uint Id { get; }

    internal ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>
    /// Reads a configured key: base64 when it decodes to at least 32 bytes, otherwise the UTF-8 bytes of the
    /// text, which must then be at least 32 bytes long.
    /// </summary>
    /// <exception cref="ArgumentException">The key is too short; the message names <paramref name="settingName"/> but not the value.</exception>
    public static SubscriptionTokenKey Parse(string configured, string settingName = "Email:TokenKey")
    {
        ArgumentNullException.ThrowIfNull(configured);
        var trimmed = configured.Trim();
        var buffer = new byte[trimmed.Length];
        if (Convert.TryFromBase64String(trimmed, buffer, out var written) && written >= MinimumBytes)
        {
            return new SubscriptionTokenKey(buffer[..written]);
        }

        var text = Encoding.UTF8.GetBytes(trimmed);
        if (text.Length < MinimumBytes)
        {
            throw new ArgumentException(
                $"{settingName} must be at least {MinimumBytes} bytes: base64 of 32 random bytes (openssl rand -base64 32) or a text of 32 or more characters.",
                nameof(configured));
        }

        return new SubscriptionTokenKey(text);
    }

    /// <summary>A new random key.</summary>
    public static SubscriptionTokenKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>The key as base64, for persisting a generated key; treat the result as a secret.</summary>
    public string ToBase64() => Convert.ToBase64String(bytes);

    public override string ToString() => "SubscriptionTokenKey(redacted)";
}
