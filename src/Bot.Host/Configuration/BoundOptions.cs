using System.Reflection;
using Bot.Host.Checks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Host.Configuration;

/// <summary>
/// Every options class of the bot that the composed services configure, bound and validated once before the host
/// starts. Options are otherwise bound on first use: a value the binder cannot convert would surface as a stack
/// trace from the host's start, or later still as a worker that dies. Found from the registrations, so an options
/// class added by any module is covered without being listed here.
/// </summary>
public static class BoundOptions
{
    private static readonly MethodInfo BindOneMethod = typeof(BoundOptions).GetMethod(nameof(BindOne), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Binds each of the bot's options in <paramref name="services"/> from <paramref name="provider"/>; one problem per class that fails.</summary>
    public static IReadOnlyList<CheckProblem> Bind(IServiceCollection services, IServiceProvider provider)
    {
        var problems = new List<CheckProblem>();
        foreach (var (type, name) in Configured(services))
        {
            try
            {
                BindOneMethod.MakeGenericMethod(type).Invoke(null, [provider, name]);
            }
            catch (TargetInvocationException e) when (BindingFailure.TryDescribe(e.InnerException!, out var problem))
            {
                problems.Add(problem);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                problems.AddRange(invalid.Failures.Select(f => new CheckProblem(f)));
            }
        }

        return problems;
    }

    /// <summary>The options types (and names) configured in <paramref name="services"/> that belong to the bot's own assemblies.</summary>
    public static IEnumerable<(Type Type, string Name)> Configured(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => (Type: d.ServiceType.GetGenericArguments()[0], Name: NameOf(d.ImplementationInstance)))
            .Where(o => o.Type.Assembly.GetName().Name?.StartsWith("Bot.", StringComparison.Ordinal) == true || o.Type.Assembly == typeof(BoundOptions).Assembly)
            .Distinct();

    private static string NameOf(object? configure) =>
        configure?.GetType().GetProperty(nameof(ConfigureNamedOptions<object>.Name))?.GetValue(configure) as string ?? Options.DefaultName;

    private static void BindOne<T>(IServiceProvider provider, string name)
        where T : class =>
        provider.GetRequiredService<IOptionsFactory<T>>().Create(name);
}
