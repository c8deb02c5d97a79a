namespace Bot.Channels.Email;

/// <summary>DKIM signing (<c>Email:Dkim</c>). Signing is on when <see cref="PrivateKeyPath"/> is set.</summary>
public sealed class DkimOptions
{
    /// <summary>PEM file holding the RSA private key.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The signing domain (<c>d=</c>), normally the From domain so DMARC aligns.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>): the public key is published at <c>SELECTOR._domainkey.DOMAIN</c>.</summary>
    public string? Selector { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(PrivateKeyPath);
}
