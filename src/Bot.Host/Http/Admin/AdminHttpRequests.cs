using System.Globalization;
using Bot.Core.Admin.Commands;
using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin;

/// <summary>The admin commands as the HTTP surface asks for them; <see cref="AdminRequest.Asked"/> is what the audit log shows.</summary>
public static class AdminHttpRequests
{
    public static AdminRequest Status() => new AdminRequest.Status { Asked = "status" };

    public static AdminRequest Destinations() => new AdminRequest.Destinations { Asked = "destinations" };

    public static AdminRequest SetPaused(string name, bool paused) => paused
        ? new AdminRequest.Pause(name) { Asked = "pause " + name }
        : new AdminRequest.Resume(name) { Asked = "resume " + name };

    public static AdminRequest Articles(int limit) => new AdminRequest.Articles(limit) { Asked = "articles" };

    public static AdminRequest Article(string key) => new AdminRequest.Article(key) { Asked = "article " + key };

    public static AdminRequest Deliveries(DeliveryQuery query) => new AdminRequest.Deliveries(query) { Asked = "deliveries" };

    /// <summary>One dead delivery, or with null every one (<c>retry --dead</c>, as the CLI says it).</summary>
    public static AdminRequest Retry(long? id) =>
        new AdminRequest.Retry(id) { Asked = id is { } one ? "retry " + one.ToString(CultureInfo.InvariantCulture) : "retry --dead" };

    public static AdminRequest Retract(string key) => new AdminRequest.Retract(key) { Asked = "retract " + key };
}
