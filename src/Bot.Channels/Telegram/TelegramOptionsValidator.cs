using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Telegram;

/// <summary>Stops start-up with a message naming the key when the Telegram section is unusable.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.IsConfigured && !TokenShape().IsMatch(options.BotToken!))
        {
            // The value itself is a secret: never echo it.
            failures.Add("Telegram:BotToken must look like <bot id>:<secret> as issued by BotFather.");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Telegram:ApiBaseUrl must be an absolute http or https URL.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Telegram:RequestTimeout must be positive.");
        }

        if (options.PollTimeout < TimeSpan.FromSeconds(1) || options.PollTimeout > TimeSpan.FromSeconds(50))
        {
            failures.Add("Telegram:PollTimeout must be between 1 and 50 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();
}
