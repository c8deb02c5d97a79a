using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Hosting.DataProtection;

/// <summary>Opens what <see cref="CipherXmlEncryptor"/> sealed. Data protection creates it by type name, handing it the host's services.</summary>
public sealed class CipherXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var cipher = services.GetRequiredService<DataProtectionKeyCipher>();
        return XElement.Parse(Encoding.UTF8.GetString(cipher.Decrypt(Convert.FromBase64String(encryptedElement.Value))));
    }
}
