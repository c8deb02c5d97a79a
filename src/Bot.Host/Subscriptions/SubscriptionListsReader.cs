using Bot.Core.Subscriptions;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Subscriptions;

/// <summary>The email lists people subscribe to: every <c>Email:Destinations:N</c> without a fixed <c>Address</c>.</summary>
public static class SubscriptionListsReader
{
    /// <summary>Pages and confirmation mail speak this unless a list sets <c>Email:Destinations:N:Language</c>.</summary>
    public const string DefaultLanguage = "ar";

    public static IReadOnlyList<SubscriptionList> Read(IConfiguration configuration) =>
        configuration.GetSection("Email:Destinations").GetChildren()
            .Where(d => !string.IsNullOrWhiteSpace(d["Name"]) && string.IsNullOrWhiteSpace(d["Address"]))
            .Select(d => new SubscriptionList(d["Name"]!.Trim(), string.IsNullOrWhiteSpace(d["Language"]) ? DefaultLanguage : d["Language"]!.Trim()))
            .ToList();
}
