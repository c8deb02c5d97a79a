using Bot.IntegrationTests.Fakes.TelegramBotApi;

namespace Bot.Benchmarks.TelegramRate;

/// <summary>
/// What the fake's journal says about one announcement: the messages it accepted, the span from the first request
/// to the last, and how that rate compares with the overall limit the fake enforced.
/// </summary>
public sealed record TelegramRateReport(int Messages, TimeSpan Elapsed, double AllowedPerSecond, int TooManyRequests, int OtherFailures)
{
    /// <summary>The share of the allowed rate that must be reached.</summary>
    public const double Target = 0.95;

    private static readonly HashSet<string> Sends = new(StringComparer.OrdinalIgnoreCase) { "sendMessage", "sendPhoto" };

    public double AchievedPerSecond => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : double.PositiveInfinity;

    public double Ratio => AchievedPerSecond / AllowedPerSecond;

    public bool Passed => Ratio >= Target && TooManyRequests == 0 && OtherFailures == 0;

    public static TelegramRateReport FromJournal(IReadOnlyList<FakeTelegramRequest> journal, double allowedPerSecond)
    {
        var sends = journal.Where(r => Sends.Contains(r.Method)).ToList();
        var elapsed = sends.Count > 1 ? sends.Max(r => r.At) - sends.Min(r => r.At) : TimeSpan.Zero;
        return new TelegramRateReport(
            sends.Count(r => r.StatusCode == 200),
            elapsed,
            allowedPerSecond,
            journal.Count(r => r.StatusCode == 429),
            journal.Count(r => r.StatusCode is not (200 or 429)));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"messages sent         {Messages,10:N0}");
        output.WriteLine($"first to last request {Elapsed.TotalSeconds,10:N3} s");
        output.WriteLine($"achieved rate         {AchievedPerSecond,10:N1} /s");
        output.WriteLine($"allowed rate          {AllowedPerSecond,10:N1} /s");
        output.WriteLine($"ratio                 {Ratio,10:N3}    target >= {Target:N2}");
        output.WriteLine($"429 answers           {TooManyRequests,10:N0}    target 0");
        if (OtherFailures > 0) output.WriteLine($"other failed requests {OtherFailures,10:N0}");
    }
}
