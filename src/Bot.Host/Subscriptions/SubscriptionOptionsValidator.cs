using Microsoft.Extensions.Options;

namespace Bot.Host.Subscriptions;

/// <summary>Refuses to start with a token key too weak to sign links; the message names the key, never its value.</summary>
public sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        var problems = SubscriptionTokenKeyRules.Problems(options).Select(p => $"{p.Key} {p.Message}").ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
