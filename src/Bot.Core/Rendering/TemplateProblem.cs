namespace Bot.Core.Rendering;

/// <summary>One thing wrong with a template file; <see cref="ToString"/> gives <c>path:line:col: message</c>.</summary>
public sealed record TemplateProblem(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}
