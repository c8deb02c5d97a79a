using System.Security.Cryptography;
using System.Xml.Linq;
using Bot.Host.Hosting.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Admin;

public sealed class DataProtectionKeyCipherTests
{
    private static readonly XElement Secret = XElement.Parse("<descriptor><masterKey><value>c2VjcmV0IGtleSBtYXRlcmlhbA==</value></masterKey></descriptor>");

    [Fact]
    public void EncryptThenDecrypt_SameAdminKey_TheElementBackAndNoSecretInTheStoredForm()
    {
        var cipher = new DataProtectionKeyCipher("admin-key-0123456789");

        var encrypted = new CipherXmlEncryptor(cipher).Encrypt(Secret);
        var decrypted = Decryptor(cipher).Decrypt(encrypted.EncryptedElement);

        Assert.Equal(typeof(CipherXmlDecryptor), encrypted.DecryptorType);
        Assert.Equal("encryptedKey", encrypted.EncryptedElement.Name.LocalName);
        Assert.DoesNotContain("masterKey", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(Secret.ToString(), decrypted.ToString());
    }

    [Fact]
    public void Decrypt_AnotherAdminKey_Refused()
    {
        var encrypted = new CipherXmlEncryptor(new DataProtectionKeyCipher("admin-key-0123456789")).Encrypt(Secret);

        Assert.ThrowsAny<CryptographicException>(() => Decryptor(new DataProtectionKeyCipher("admin-key-9876543210")).Decrypt(encrypted.EncryptedElement));
    }

    [Fact]
    public void Encrypt_TwiceTheSameElement_DifferentCiphertexts()
    {
        var encryptor = new CipherXmlEncryptor(new DataProtectionKeyCipher("admin-key-0123456789"));

        Assert.NotEqual(encryptor.Encrypt(Secret).EncryptedElement.Value, encryptor.Encrypt(Secret).EncryptedElement.Value);
    }

    private static CipherXmlDecryptor Decryptor(DataProtectionKeyCipher cipher) =>
        new(new ServiceCollection().AddSingleton(cipher).BuildServiceProvider());
}
