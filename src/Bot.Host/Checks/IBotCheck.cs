namespace Bot.Host.Checks;

/// <summary>
/// A validation <c>bot check</c> runs. Register implementations in
/// <see cref="BotChecksServiceCollectionExtensions.AddBotChecks"/>; templates are the next one.
/// </summary>
public interface IBotCheck
{
    Task<IReadOnlyList<CheckProblem>> CheckAsync(CancellationToken cancellationToken);
}
