using Bot.Core.Admin.Replies;

namespace Bot.Host.Http.Admin;

/// <summary>One destination of <c>GET /admin/api/destinations</c>.</summary>
/// <param name="Address">Chat or channel id, the mailbox of a single-recipient email destination, empty for an email list, or just <c>webhook</c>: a webhook URL is a credential.</param>
/// <param name="Configured">False for a destination the store remembers but the configuration no longer names.</param>
public sealed record AdminDestinationView(
    string Name,
    string Channel,
    string Address,
    bool Configured,
    bool Paused,
    bool Disabled,
    string? DisabledReason)
{
    public static AdminDestinationView Of(AdminDestination d, AdminRedactor redactor) =>
        new(d.Name, d.Channel, AdminRedactor.Address(d.Address), d.Configured, d.Paused, d.Disabled, redactor.Redact(d.DisabledReason));
}
