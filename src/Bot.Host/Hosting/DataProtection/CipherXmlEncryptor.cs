using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Bot.Host.Hosting.DataProtection;

/// <summary>
/// Wraps a key's secret element as <c>&lt;encryptedKey sealedBy="FINGERPRINT"&gt;BASE64&lt;/encryptedKey&gt;</c>,
/// sealed by <see cref="DataProtectionKeyCipher"/>.
/// </summary>
public sealed class CipherXmlEncryptor(DataProtectionKeyCipher cipher) : IXmlEncryptor
{
    public const string ElementName = "encryptedKey";

    public const string SealedByAttribute = "sealedBy";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(
            ElementName,
            new XAttribute("algorithm", "AES-256-GCM"),
            new XAttribute(SealedByAttribute, cipher.Fingerprint),
            Convert.ToBase64String(cipher.Encrypt(plaintext)));
        return new EncryptedXmlInfo(element, typeof(CipherXmlDecryptor));
    }
}
