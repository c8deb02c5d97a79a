namespace Bot.Core.Rendering;

/// <summary>One platform request as <c>bot preview</c> prints it.</summary>
/// <param name="Endpoint">The Bot API method (<c>sendMessage</c>, <c>sendPhoto</c>) or the Discord route.</param>
/// <param name="Body">The JSON body, indented, non-ASCII text written as is.</param>
public sealed record PreviewRequest(string Endpoint, string Body);
