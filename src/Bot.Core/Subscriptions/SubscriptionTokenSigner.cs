using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Issues and verifies the tokens in confirm and unsubscribe links: an HMAC-SHA256-signed record of purpose,
/// list, address, issue time and expiry, in base64url. The link alone must identify the subscriber (RFC 8058
/// receivers POST to it without cookies) yet be impossible to make up for someone else's address.
/// </summary>
public sealed class SubscriptionTokenSigner(SubscriptionTokenKey key, TimeProvider timeProvider)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);

    /// <summary>
    /// How long an unsubscribe link works. Long, because people unsubscribe from old mail; a refused
    /// unsubscribe turns into a spam complaint.
    /// </summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(180);

    private const byte Version = 1;
    private const int MacBytes = 32;
    private const int MaxFieldBytes = 1024;

    // version, purpose, issued (unix seconds), expires (unix seconds), list length, email length
    private const int FixedBytes = 1 + 1 + 8 + 8 + 2 + 2;

    public string Issue(SubscriptionTokenPurpose purpose, string list, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var issued = timeProvider.GetUtcNow();
        var lifetime = purpose == SubscriptionTokenPurpose.Confirm ? ConfirmLifetime : UnsubscribeLifetime;
        var listBytes = Encoding.UTF8.GetBytes(list);
        var emailBytes = Encoding.UTF8.GetBytes(SubscriberAddress.Normalize(email));
        if (listBytes.Length > MaxFieldBytes || emailBytes.Length > MaxFieldBytes)
        {
            throw new ArgumentException("List name or address too long for a token.");
        }

        var token = new byte[FixedBytes + listBytes.Length + emailBytes.Length + MacBytes];
        var span = token.AsSpan();
        span[0] = Version;
        span[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(span[2..], issued.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(span[10..], (issued + lifetime).ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16BigEndian(span[18..], (ushort)listBytes.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[20..], (ushort)emailBytes.Length);
        listBytes.CopyTo(span[FixedBytes..]);
        emailBytes.CopyTo(span[(FixedBytes + listBytes.Length)..]);
        var payloadLength = token.Length - MacBytes;
        HMACSHA256.HashData(key.Bytes, span[..payloadLength], span[payloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Verifies signature, expiry and purpose; the token itself names the subscriber.</summary>
    public SubscriptionTokenCheck Verify(string? token, SubscriptionTokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4 * MaxFieldBytes || !Base64Url.IsValid(token))
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < FixedBytes + MacBytes)
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        // The signature is checked before any field is believed, in constant time so that response timing
        // does not reveal how many leading bytes of a guess were right.
        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(key.Bytes, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Forged);
        }

        if (payload[0] != Version || !Enum.IsDefined((SubscriptionTokenPurpose)payload[1]))
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        var listLength = BinaryPrimitives.ReadUInt16BigEndian(payload[18..]);
        var emailLength = BinaryPrimitives.ReadUInt16BigEndian(payload[20..]);
        if (FixedBytes + listLength + emailLength != payload.Length)
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        var parsed = new SubscriptionToken(
            (SubscriptionTokenPurpose)payload[1],
            Encoding.UTF8.GetString(payload.Slice(FixedBytes, listLength)),
            Encoding.UTF8.GetString(payload.Slice(FixedBytes + listLength, emailLength)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[2..])),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[10..])));

        if (parsed.Purpose != purpose)
        {
            return new SubscriptionTokenCheck(SubscriptionTokenStatus.WrongPurpose, parsed);
        }

        if (timeProvider.GetUtcNow() >= parsed.ExpiresAt)
        {
            return new SubscriptionTokenCheck(SubscriptionTokenStatus.Expired, parsed);
        }

        return new SubscriptionTokenCheck(SubscriptionTokenStatus.Valid, parsed);
    }

    /// <summary>Verifies as above and also that the token was issued for this list and address.</summary>
    public SubscriptionTokenCheck Verify(string? token, SubscriptionTokenPurpose purpose, string list, string email)
    {
        var check = Verify(token, purpose);
        if (check is { IsValid: true, Token: { } valid }
            && !(string.Equals(valid.List, list, StringComparison.OrdinalIgnoreCase)
                 && string.Equals(valid.Email, SubscriberAddress.Normalize(email), StringComparison.Ordinal)))
        {
            return new SubscriptionTokenCheck(SubscriptionTokenStatus.WrongSubscriber, valid);
        }

        return check;
    }
}
