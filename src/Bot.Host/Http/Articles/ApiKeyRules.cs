using Bot.Host.Checks;
using Bot.Host.Http.Admin;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Http.Articles;

/// <summary>The rules for <c>Http:ApiKeys:N</c>, for <c>bot check</c> and the guard in front of <c>bot run</c>. No message quotes a key.</summary>
public static class ApiKeyRules
{
    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var adminKey = configuration[AdminKey.ConfigurationKey];
        foreach (var entry in configuration.GetSection(ApiKeys.Section).GetChildren())
        {
            var name = entry["Name"]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                yield return new("is required: the name the audit log shows for what this key posts", $"{entry.Path}:Name");
            }
            else if (name.Any(char.IsControl) || name.Length > 64)
            {
                yield return new("must be one line of at most 64 characters", $"{entry.Path}:Name");
            }
            else if (!names.TryAdd(name, entry.Path))
            {
                yield return new($"'{name}' is also the name of {names[name]}", $"{entry.Path}:Name");
            }

            var key = entry["Key"];
            if (string.IsNullOrEmpty(key))
            {
                yield return new("is required", $"{entry.Path}:Key");
            }
            else if (key.Length < ApiKeys.MinimumLength)
            {
                yield return new($"must be at least {ApiKeys.MinimumLength} characters (a long random string)", $"{entry.Path}:Key");
            }
            else if (key == adminKey)
            {
                yield return new($"must differ from {AdminKey.ConfigurationKey}: a key that posts articles must not open /admin", $"{entry.Path}:Key");
            }
            else if (!keys.TryAdd(key, entry.Path))
            {
                yield return new($"is the same key as {keys[key]}; give each poster its own", $"{entry.Path}:Key");
            }
        }
    }
}
