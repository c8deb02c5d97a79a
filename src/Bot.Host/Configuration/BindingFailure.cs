using System.Text.RegularExpressions;
using Bot.Host.Checks;

namespace Bot.Host.Configuration;

/// <summary>
/// Turns the configuration binder's refusal of a value (<c>--Delivery:PollInterval=abc</c>) into one line that
/// names the key and the value and says what was expected, instead of an exception chain three levels deep.
/// </summary>
public static partial class BindingFailure
{
    /// <summary>The binder's own problem, when <paramref name="exception"/> or one of its causes is one.</summary>
    public static bool TryDescribe(Exception exception, out CheckProblem problem)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && BinderMessage().Match(e.Message) is { Success: true } match)
            {
                var type = FindType(match.Groups["type"].Value);
                problem = new CheckProblem(
                    $"value '{match.Groups["value"].Value}' is not {Expected(type, match.Groups["type"].Value)}",
                    match.Groups["key"].Value);
                return true;
            }
        }

        problem = null!;
        return false;
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words.</summary>
    public static string Expected(Type? type, string typeName) => type switch
    {
        _ when type == typeof(TimeSpan) => "a duration such as 00:05:00",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(byte) => "a whole number, 0 or more",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number such as 1.5",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2024-05-01T09:00:00Z",
        _ when type == typeof(Uri) => "a URL",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => $"a value of type {typeName}",
    };

    private static Type? FindType(string name) =>
        Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);

    // Microsoft.Extensions.Configuration.Binder's Error_FailedBinding, the one message it has for a value it cannot convert.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']+)'\.?$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BinderMessage();
}
