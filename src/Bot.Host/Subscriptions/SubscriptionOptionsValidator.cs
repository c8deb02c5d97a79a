using Bot.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Subscriptions;

/// <summary>Refuses to start with a token key too weak to sign links; the message names the key, never its value.</summary>
public sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TokenKey))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            SubscriptionTokenKey.Parse(options.TokenKey, SubscriptionTokenKeyProvider.SettingName);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
