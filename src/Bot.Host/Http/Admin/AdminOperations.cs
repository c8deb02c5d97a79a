using Bot.Core.Admin.Commands;
using Bot.Core.Admin.Replies;
using Bot.Host.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>
/// The HTTP surface's way into the admin command set, as <see cref="AdminCaller.Http"/> from the request's client
/// address: the API answers replies through <see cref="AdminApiReplyFormatter"/>. Changes are audited by the command
/// set under <see cref="Actor"/> with that address as their origin, as the chats' are under theirs.
/// </summary>
public sealed class AdminOperations(AdminCommands commands, StoreReadiness readiness, AdminApiReplyFormatter formatter)
{
    /// <summary>The most rows one listing returns.</summary>
    public const int MaxList = ArticleCommands.MaxDeliveries;

    public static string Actor => AdminCaller.Http.Actor;

    /// <summary>Runs <paramref name="request"/> for the client of <paramref name="context"/> and answers it as the admin API does.</summary>
    public async Task<IResult> AnswerAsync(HttpContext context, AdminRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The status of a store still starting says so without asking it.
        var reply = request is AdminRequest.Status && !readiness.IsReady
            ? new AdminReply.Status(false, [], [])
            : await commands.ExecuteAsync(AdminCaller.Http with { Origin = ClientAddress.Of(context) }, request, cancellationToken);
        return formatter.Format(reply).ToResult();
    }
}
