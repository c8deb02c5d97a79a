using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Issues and verifies the tokens in confirm and unsubscribe links. The link alone must identify the subscriber
/// (RFC 8058 receivers POST to it without cookies) yet be impossible to make up for someone else's address, and it
/// must not show the address to whoever sees the link (a forwarded mail, a proxy log, a link scanner).
/// </summary>
/// <remarks>
/// A token (version 2, base64url) is: version byte, the signing key's id (4 bytes), a random salt (16 bytes), then
/// the fields (<see cref="SubscriptionTokenFields"/>, zero-padded to a multiple of 16 bytes) encrypted with
/// AES-256-GCM and its 16-byte tag; the version, key id and salt are authenticated as associated data. The AES key
/// is derived from the signing key and the salt with HKDF-SHA256, so each key encrypts exactly one token under a
/// fixed nonce: millions of links per announcement never risk the nonce reuse that random 96-bit nonces would
/// under one key. Version 1 tokens (fields in clear, HMAC-SHA256) still verify.
/// </remarks>
public sealed class SubscriptionTokenSigner(SubscriptionTokenKeys keys, TimeProvider timeProvider)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);

    /// <summary>
    /// How long an unsubscribe link works. Long, because people unsubscribe from old mail; a refused
    /// unsubscribe turns into a spam complaint.
    /// </summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(180);

    private const byte Version = 2;
    private const int KeyIdBytes = 4;
    private const int SaltBytes = 16;
    private const int HeaderBytes = 1 + KeyIdBytes + SaltBytes;
    private const int TagBytes = 16;
    private const int PaddingBlock = 16;

    // The derived key encrypts this one token only, so a fixed nonce is safe.
    private static ReadOnlySpan<byte> Nonce => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes("bot subscription token v2");

    public SubscriptionTokenSigner(SubscriptionTokenKey key, TimeProvider timeProvider)
        : this(new SubscriptionTokenKeys(key), timeProvider)
    {
    }

    public string Issue(SubscriptionTokenPurpose purpose, string list, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var issued = timeProvider.GetUtcNow();
        var lifetime = purpose == SubscriptionTokenPurpose.Confirm ? ConfirmLifetime : UnsubscribeLifetime;
        var listBytes = Encoding.UTF8.GetBytes(list);
        var emailBytes = Encoding.UTF8.GetBytes(SubscriberAddress.Normalize(email));
        if (listBytes.Length > SubscriptionTokenFields.MaxFieldBytes || emailBytes.Length > SubscriptionTokenFields.MaxFieldBytes)
        {
            throw new ArgumentException("List name or address too long for a token.");
        }

        var fieldsLength = SubscriptionTokenFields.Size(listBytes, emailBytes);
        var plaintext = new byte[(fieldsLength + PaddingBlock - 1) / PaddingBlock * PaddingBlock];
        SubscriptionTokenFields.Write(plaintext, purpose, issued, issued + lifetime, listBytes, emailBytes);

        var token = new byte[HeaderBytes + plaintext.Length + TagBytes];
        var span = token.AsSpan();
        var key = keys.Current;
        span[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], key.Id);
        RandomNumberGenerator.Fill(span.Slice(1 + KeyIdBytes, SaltBytes));
        using var aes = Cipher(key, span.Slice(1 + KeyIdBytes, SaltBytes));
        aes.Encrypt(Nonce, plaintext, span.Slice(HeaderBytes, plaintext.Length), span[^TagBytes..], span[..HeaderBytes]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Verifies authenticity, expiry and purpose; the token itself names the subscriber.</summary>
    public SubscriptionTokenCheck Verify(string? token, SubscriptionTokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4 * SubscriptionTokenFields.MaxFieldBytes || !Base64Url.IsValid(token))
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        var read = bytes.Length == 0 ? SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed) : bytes[0] switch
        {
            Version => Open(bytes),
            LegacySubscriptionToken.Version => LegacySubscriptionToken.Verify(bytes, keys),
            _ => SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed),
        };
        if (read is not { IsValid: true, Token: { } parsed })
        {
            return read;
        }

        if (parsed.Purpose != purpose)
        {
            return new SubscriptionTokenCheck(SubscriptionTokenStatus.WrongPurpose, parsed);
        }

        if (timeProvider.GetUtcNow() >= parsed.ExpiresAt)
        {
            return new SubscriptionTokenCheck(SubscriptionTokenStatus.Expired, parsed);
        }

        return read;
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

    /// <summary>Decrypts a version 2 token with the key its id names; a token no key opens is forged.</summary>
    private SubscriptionTokenCheck Open(byte[] bytes)
    {
        var cipherLength = bytes.Length - HeaderBytes - TagBytes;
        if (cipherLength < SubscriptionTokenFields.FixedBytes || cipherLength % PaddingBlock != 0)
        {
            return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        var span = bytes.AsSpan();
        var id = BinaryPrimitives.ReadUInt32BigEndian(span[1..]);
        var plaintext = new byte[cipherLength];
        foreach (var key in keys.All)
        {
            if (key.Id != id)
            {
                continue;
            }

            using var aes = Cipher(key, span.Slice(1 + KeyIdBytes, SaltBytes));
            try
            {
                aes.Decrypt(Nonce, span.Slice(HeaderBytes, cipherLength), span[^TagBytes..], plaintext, span[..HeaderBytes]);
            }
            catch (AuthenticationTagMismatchException)
            {
                continue;
            }

            return SubscriptionTokenFields.Read(plaintext, padded: true) is { } token
                ? new SubscriptionTokenCheck(SubscriptionTokenStatus.Valid, token)
                : SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Malformed);
        }

        return SubscriptionTokenCheck.Fail(SubscriptionTokenStatus.Forged);
    }

    private static AesGcm Cipher(SubscriptionTokenKey key, ReadOnlySpan<byte> salt)
    {
        Span<byte> derived = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Bytes, derived, salt, KeyInfo);
        var aes = new AesGcm(derived, TagBytes);
        CryptographicOperations.ZeroMemory(derived);
        return aes;
    }
}
