using Bot.IntegrationTests.Fakes.TelegramBotApi;

namespace Bot.Benchmarks.TelegramRate;

/// <summary>
/// What the fake's journal says about one announcement: the messages it accepted, the span from the first request
/// to the last, and how that rate compares with the overall limit the fake enforced. The fake's sliding window of one
/// second lets a whole window's budget go at once, so the ratio is taken after the first window: the sustained rate,
/// <see cref="SustainedMessages"/> over <see cref="SustainedElapsed"/>.
/// </summary>
public sealed record TelegramRateReport(
    int Messages, TimeSpan Elapsed, int SustainedMessages, TimeSpan SustainedElapsed, double AllowedPerSecond, int TooManyRequests, int OtherFailures)
{
    /// <summary>The fake's overall limit counts requests in a sliding window of this length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>The share of the allowed rate that must be reached.</summary>
    public const double Target = 0.95;

    private static readonly HashSet<string> Sends = new(StringComparer.OrdinalIgnoreCase) { "sendMessage", "sendPhoto" };

    public double AchievedPerSecond => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : double.PositiveInfinity;

    public double SustainedPerSecond => SustainedElapsed > TimeSpan.Zero ? SustainedMessages / SustainedElapsed.TotalSeconds : double.PositiveInfinity;

    /// <summary>The sustained rate against the allowed one; above 1 only if the pacing let more through than the limit.</summary>
    public double Ratio => SustainedPerSecond / AllowedPerSecond;

    /// <summary>How many of the fake's windows the announcement spanned.</summary>
    public double Windows => Elapsed / Window;

    public bool Passed => Ratio >= Target && TooManyRequests == 0 && OtherFailures == 0;

    public static TelegramRateReport FromJournal(IReadOnlyList<FakeTelegramRequest> journal, double allowedPerSecond)
    {
        var sends = journal.Where(r => Sends.Contains(r.Method)).ToList();
        var elapsed = sends.Count > 1 ? sends.Max(r => r.At) - sends.Min(r => r.At) : TimeSpan.Zero;
        var afterFirstWindow = sends.Count > 1 ? sends.Where(r => r.At >= sends.Min(s => s.At) + Window).ToList() : [];
        return new TelegramRateReport(
            sends.Count(r => r.StatusCode == 200),
            elapsed,
            afterFirstWindow.Count(r => r.StatusCode == 200),
            elapsed > Window ? elapsed - Window : TimeSpan.Zero,
            allowedPerSecond,
            journal.Count(r => r.StatusCode == 429),
            journal.Count(r => r.StatusCode is not (200 or 429)));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"messages sent         {Messages,10:N0}");
        output.WriteLine($"first to last request {Elapsed.TotalSeconds,10:N3} s");
        output.WriteLine($"windows of the limit  {Windows,10:N1}");
        output.WriteLine($"rate, whole run       {AchievedPerSecond,10:N1} /s  (the first window may burst)");
        output.WriteLine($"sustained rate        {SustainedPerSecond,10:N1} /s  after the first window");
        output.WriteLine($"allowed rate          {AllowedPerSecond,10:N1} /s");
        output.WriteLine($"ratio (sustained)     {Ratio,10:N3}    target >= {Target:N2}");
        output.WriteLine($"429 answers           {TooManyRequests,10:N0}    target 0");
        if (OtherFailures > 0) output.WriteLine($"other failed requests {OtherFailures,10:N0}");
    }
}
