using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Bot.Benchmarks.Engine;

/// <summary>
/// Wall time spent in each method of a port, measured from the call until its task completes (so it includes
/// waiting for SQLite's write lock). Wraps any interface with <see cref="Wrap{T}"/>; the product code is untouched.
/// </summary>
public sealed class CallTimings
{
    private readonly ConcurrentDictionary<string, (long Calls, long Ticks)> _totals = new();

    public T Wrap<T>(T inner, string prefix)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, TimingProxy>();
        var timing = (TimingProxy)(object)proxy;
        timing.Inner = inner;
        timing.Record = (name, ticks) => _totals.AddOrUpdate(prefix + "." + name, (1, ticks), (_, t) => (t.Calls + 1, t.Ticks + ticks));
        return proxy;
    }

    public void Clear() => _totals.Clear();

    public void Print(TextWriter output, double wallSeconds)
    {
        output.WriteLine($"  {"call",-40} {"calls",8} {"total s",9} {"mean ms",9} {"% of wall",9}");
        foreach (var (name, (calls, ticks)) in _totals.OrderByDescending(t => t.Value.Ticks))
        {
            var seconds = TimeSpan.FromTicks(ticks).TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-40} {calls,8:N0} {seconds,9:N2} {seconds * 1000 / calls,9:N2} {seconds / wallSeconds * 100,8:N0}%"));
        }
    }

    public class TimingProxy : DispatchProxy
    {
        internal object Inner { get; set; } = null!;

        internal Action<string, long> Record { get; set; } = (_, _) => { };

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var started = Stopwatch.GetTimestamp();
            object? result;
            try
            {
                result = targetMethod!.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }

            var name = targetMethod.Name;
            if (result is Task task)
            {
                task.ContinueWith(_ => Record(name, Stopwatch.GetElapsedTime(started).Ticks), TaskContinuationOptions.ExecuteSynchronously);
            }
            else
            {
                Record(name, Stopwatch.GetElapsedTime(started).Ticks);
            }
            return result;
        }
    }
}
