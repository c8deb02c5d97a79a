namespace Bot.Host.Delivery;

/// <summary>Where the dispatcher keeps files (configuration section <c>Delivery</c>).</summary>
public sealed class DeliveryHostOptions
{
    /// <summary>The data folder, relative to the working directory; dry channels write under its <c>outbox/&lt;channel&gt;/</c>. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>A simulated round trip before each dry-run write, for benchmarks and crash tests. Default zero.</summary>
    public TimeSpan DryRunLatency { get; set; }

    /// <summary>The Liquid templates folder, relative to the working directory. Default <c>config/templates</c>.</summary>
    public string TemplatesFolder { get; set; } = "config/templates";

    /// <summary><see cref="TemplatesFolder"/> when it exists, else the default templates shipped beside the executable.</summary>
    public string ResolveTemplatesFolder() =>
        Directory.Exists(TemplatesFolder) ? TemplatesFolder : Path.Combine(AppContext.BaseDirectory, "templates");
}
