namespace Bot.Host.Checks;

/// <summary>
/// A validation <c>bot check</c> runs beside the configuration rules, resolved from the composed services.
/// Register implementations in <see cref="BotChecksServiceCollectionExtensions.AddBotChecks"/>.
/// </summary>
public interface IBotCheck
{
    Task<IReadOnlyList<CheckProblem>> CheckAsync(CancellationToken cancellationToken);
}
