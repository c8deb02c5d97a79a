using Bot.Core.Subscriptions;
using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Subscriptions;

/// <summary>
/// The rules for <c>Email:TokenKey</c> and <c>Email:PreviousTokenKeys:N</c>, shared by <c>bot check</c>, the guard in
/// front of <c>bot run</c> and the options validator. Messages name the key, never its value: it is a secret.
/// </summary>
public static class SubscriptionTokenKeyRules
{
    public const string CurrentKey = "Email:TokenKey";
    public const string PreviousKeys = "Email:PreviousTokenKeys";

    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration) =>
        Problems([(CurrentKey, configuration[CurrentKey]), .. configuration.GetSection(PreviousKeys).GetChildren().Select(c => (c.Path, c.Value))]);

    public static IEnumerable<CheckProblem> Problems(SubscriptionOptions options) =>
        Problems([(CurrentKey, options.TokenKey), .. options.PreviousTokenKeys.Select((value, i) => ($"{PreviousKeys}:{i}", (string?)value))]);

    /// <summary>Each configured key parsed, with the setting it came from; only call once <see cref="Validate"/> found nothing.</summary>
    public static IReadOnlyList<SubscriptionTokenKey> ReadPrevious(IConfiguration configuration) =>
        [.. configuration.GetSection(PreviousKeys).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => SubscriptionTokenKey.Parse(c.Value!, c.Path))];

    private static IEnumerable<CheckProblem> Problems(IEnumerable<(string Key, string? Value)> keys)
    {
        foreach (var (key, value) in keys)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            string? problem = null;
            try
            {
                SubscriptionTokenKey.Parse(value, key);
            }
            catch (ArgumentException)
            {
                problem = $"must be at least {SubscriptionTokenKey.MinimumBytes} bytes: base64 of 32 random bytes (openssl rand -base64 32) or a text of 32 or more characters";
            }

            if (problem is not null)
            {
                yield return new CheckProblem(problem, key);
            }
        }
    }
}
