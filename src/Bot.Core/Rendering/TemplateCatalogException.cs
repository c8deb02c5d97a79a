namespace Bot.Core.Rendering;

/// <summary>A templates folder that cannot be used: every problem found, each as <c>path:line:col: message</c>.</summary>
public sealed class TemplateCatalogException(IReadOnlyList<TemplateProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
