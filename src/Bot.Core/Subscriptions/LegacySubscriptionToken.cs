using System.Security.Cryptography;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Version 1 tokens: the fields in clear (the address readable by anyone who sees the link) and an HMAC-SHA256
/// over them. No longer issued; still verified, with every configured key, so the unsubscribe links already in
/// mailboxes keep working until they expire.
/// </summary>
internal static class LegacySubscriptionToken
{
    public const byte Version = 1;
    private const int MacBytes = 32;

    public static SubscriptionTokenCheck Verify(ReadOnlySpan<byte> bytes, SubscriptionTokenKeys keys)
    {
        if (bytes.Length < 1 + SubscriptionTokenFields.FixedBytes + MacBytes)
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        // The signature is checked before any field is believed, in constant time so that response timing does
        // not reveal how many leading bytes of a guess were right.
        var payload = bytes[..^MacBytes];
        Span<byte> expected = stackalloc byte[MacBytes];
        foreach (var key in keys.All)
        {
            HMACSHA256.HashData(key.Bytes, payload, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, bytes[^MacBytes..]))
            {
                return SubscriptionTokenFields.Read(payload[1..], padded: false) is { } token
                    ? new SubscriptionTokenCheck(SubscriptionTokenStatus.Valid, token)
                    : SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
            }
        }

        return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Forged);
    }
}
