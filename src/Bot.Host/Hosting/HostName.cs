using Microsoft.Extensions.Configuration;

namespace Bot.Host.Hosting;

/// <summary>This host's name among several sharing a store or an inbox folder (<c>Host:Name</c>).</summary>
public sealed record HostName(string Value)
{
    public const string ConfigurationKey = "Host:Name";

    /// <summary>The default: the machine name and the process id, unique among live processes.</summary>
    public static HostName Default => new($"{Environment.MachineName}-{Environment.ProcessId}");

    public static HostName From(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? new HostName(name.Trim()) : Default;
}
