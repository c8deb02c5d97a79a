using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Hosting.DataProtection;

/// <summary>
/// Encrypts data-protection keys before they reach the store, with AES-256-GCM under a key derived (HKDF-SHA256)
/// from <c>Http:AdminKey</c>: a copy of the database alone does not let anyone forge the admin forms' tokens.
/// Hosts sharing a database share the admin key, so each reads the keys another wrote.
/// </summary>
public sealed class DataProtectionKeyCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("bot data-protection key encryption v1");

    private static readonly byte[] FingerprintLabel = Encoding.ASCII.GetBytes("fingerprint");

    private readonly byte[] _key;

    public DataProtectionKeyCipher(string adminKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminKey);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(adminKey), 32, salt: [], info: Info);
        Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(_key, FingerprintLabel).AsSpan(0, 8));
    }

    /// <summary>Names the key this cipher seals with, without revealing it: what a sealed element was sealed under.</summary>
    public string Fingerprint { get; }

    /// <summary>Nonce, ciphertext and tag, concatenated.</summary>
    public byte[] Encrypt(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var sealedData = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedData.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedData.AsSpan(NonceSize, plaintext.Length), sealedData.AsSpan(NonceSize + plaintext.Length), Info);
        return sealedData;
    }

    /// <summary>The plaintext; <see cref="AuthenticationTagMismatchException"/> when the data was sealed under another admin key or altered.</summary>
    public byte[] Decrypt(byte[] sealedData)
    {
        ArgumentNullException.ThrowIfNull(sealedData);
        if (sealedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("the encrypted data-protection key is truncated");
        }

        var plaintext = new byte[sealedData.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedData.AsSpan(0, NonceSize), sealedData.AsSpan(NonceSize, plaintext.Length), sealedData.AsSpan(NonceSize + plaintext.Length), plaintext, Info);
        return plaintext;
    }
}
