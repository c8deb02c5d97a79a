namespace Bot.Host.Http;

/// <summary>The JSON body of <c>POST /subscribe</c>; a form posts the same field names.</summary>
public sealed record SubscribeRequest(string? Email, string? Name, string? List);
