using System.Xml.Linq;
using Bot.Storage.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosting.DataProtection;

/// <summary>
/// Data protection's key ring in the store. Data protection asks synchronously, and rarely: when it first needs
/// the ring, when a key nears expiry (keys last 90 days) and about once a day after that, under its own lock; so
/// blocking on the store here costs a thread now and then, not per request.
/// </summary>
/// <remarks>
/// Keys sealed under an earlier <c>Http:AdminKey</c> are left out of the ring: data protection would try to open
/// each one, fail, log an error with a stack trace every time it loads the ring, and make a new key anyway. They
/// stay stored, so going back to the earlier admin key brings them back.
/// </remarks>
public sealed partial class StoreXmlRepository(
    SqlDataProtectionKeyStore store,
    StoreReadiness readiness,
    DataProtectionKeyCipher cipher,
    ILogger<StoreXmlRepository> logger) : IXmlRepository
{
    /// <summary>How long a first use waits for the store to finish migrating at start-up.</summary>
    public static readonly TimeSpan ReadinessWait = TimeSpan.FromSeconds(15);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        WaitForStore();
        var elements = store.ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();
        var readable = elements.Where(SealedHere).ToList();
        if (readable.Count < elements.Count)
        {
            LogSealedElsewhere(logger, elements.Count - readable.Count);
        }

        return readable;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        WaitForStore();
        store.SaveAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
    }

    private bool SealedHere(XElement element) =>
        element.Descendants(CipherXmlEncryptor.ElementName)
            .All(e => (string?)e.Attribute(CipherXmlEncryptor.SealedByAttribute) == cipher.Fingerprint);

    // The table comes with the store's migrations, which run in the background at start-up.
    private void WaitForStore()
    {
        if (!readiness.IsReady && !readiness.WaitAsync(CancellationToken.None).Wait(ReadinessWait))
        {
            throw new InvalidOperationException($"The store was not ready within {ReadinessWait.TotalSeconds} s: data-protection keys cannot be read yet.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} stored data-protection keys were sealed under an earlier Http:AdminKey and are not used; forms and sessions from before the change are void")]
    private static partial void LogSealedElsewhere(ILogger logger, int count);
}
