using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>An admin API response: its status code and the value written as its JSON body.</summary>
public sealed record AdminApiAnswer(int StatusCode, object Body)
{
    public IResult ToResult() => Results.Json(Body, AdminApiEndpoints.Json, statusCode: StatusCode);
}
