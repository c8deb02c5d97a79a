using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>Options validation that reports every problem, each naming its key.</summary>
internal sealed class DelegateValidation<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = validate(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
