using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Store;
using Bot.Core.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>The outcome policy and the pipeline over any sequence of platform answers and clock steps.</summary>
public sealed class OutcomePropertyTests
{
    private static readonly RetryOptions Retry = new() { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromMinutes(1), MaxAttempts = 5, Jitter = RetryJitter.Full };

    /// <summary>A platform's answer, without the ids (the pipeline fills them in).</summary>
    private enum Answer
    {
        Sent,
        RetryLater,
        Throttled,
        Paced,
        Rejected,
        Gone,
        Unavailable,
        Moved,
    }

    private static readonly Gen<Answer> Answers = Gen.Frequency(
        (6, Gen.Const(Answer.Sent)), (4, Gen.Const(Answer.RetryLater)), (3, Gen.Const(Answer.Throttled)), (3, Gen.Const(Answer.Paced)),
        (1, Gen.Const(Answer.Rejected)), (1, Gen.Const(Answer.Gone)), (1, Gen.Const(Answer.Unavailable)), (1, Gen.Const(Answer.Moved)));

    private static SendOutcome Outcome(Answer answer, int retryAfterSeconds, DateTimeOffset now, IReadOnlyList<string> ids) => answer switch
    {
        Answer.Sent => new SendOutcome.Sent([.. ids, "m"]),
        Answer.RetryLater => new SendOutcome.RetryLater(ids, null, "502"),
        Answer.Throttled => new SendOutcome.RetryLater(ids, TimeSpan.FromSeconds(retryAfterSeconds), "429"),
        Answer.Paced => new SendOutcome.Paced(ids, now.AddSeconds(retryAfterSeconds)),
        Answer.Rejected => new SendOutcome.Rejected(ids, "400", TargetGone: false),
        Answer.Gone => new SendOutcome.Rejected(ids, "403", TargetGone: true),
        Answer.Unavailable => new SendOutcome.Unavailable(ids, "401"),
        _ => new SendOutcome.TargetMoved(ids, "-1009"),
    };

    [Fact]
    public void Policy_AnyAnswerAfterAnyAttempt_NextStateIsConsistentAndBackoffWithinBounds()
    {
        Gen.Select(Answers, Gen.Int[1, 8], Gen.Int[1, 300], Gen.Int[0, 3]).Sample((answer, attempts, retryAfter, remote) =>
        {
            var clock = new FakeTimeProvider(DispatchHarness.Start);
            var options = new DispatchOptions();
            var policy = new OutcomePolicy(new RetrySchedule(Retry, clock, new Random(attempts * 31 + retryAfter)), options);
            var ids = Enumerable.Range(0, remote).Select(i => $"p{i}").ToList();
            var delivery = new ClaimedDelivery(7, "k", 1, "tg", "", DeliveryKind.Announce, attempts, ids, clock.GetUtcNow().AddSeconds(10));
            var now = clock.GetUtcNow();

            var decision = policy.Decide(new Attempt(delivery, ChannelNames.Telegram, "-100", Audience.Single,
                new AttemptResult.Finished(Outcome(answer, retryAfter, now, ids), 3)), now);
            var record = decision.Record;

            // Sent is final and carries every part; nothing sent is ever scheduled again.
            Assert.Equal(record.Status == DeliveryStatus.Sent, answer == Answer.Sent);
            if (record.Status == DeliveryStatus.Sent)
            {
                Assert.Null(record.NextAttemptAt);
                Assert.Equal(3, record.SentVersion);
                Assert.Equal([.. ids, "m"], record.RemoteIds);
                return;
            }

            // Whatever is not sent keeps the parts that did go out, so a retry resumes after them.
            Assert.Equal(ids, record.RemoteIds);
            switch (record.Status)
            {
                case DeliveryStatus.Queued or DeliveryStatus.Failed:
                    var wait = record.NextAttemptAt!.Value - now;
                    Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Max(retryAfter, Retry.MaxDelay.TotalSeconds)).Add(options.UnavailableRetry));
                    if (answer is Answer.Throttled or Answer.Paced) Assert.True(wait >= TimeSpan.FromSeconds(retryAfter), "never earlier than the platform asked");
                    if (answer == Answer.RetryLater) Assert.True(wait <= Retry.MaxDelay, "backoff is capped");
                    // Attempts are spent only by real failures: pacing, a move or an unavailable channel give theirs back.
                    Assert.Equal(answer is Answer.Paced or Answer.Moved or Answer.Unavailable, record.GiveBackAttempt);
                    Assert.True(attempts < Retry.MaxAttempts || record.GiveBackAttempt, "a failure past the attempts is dead, not retried");
                    break;
                case DeliveryStatus.Dead:
                    Assert.True(answer is Answer.Rejected or Answer.Gone || (answer is Answer.RetryLater or Answer.Throttled && attempts >= Retry.MaxAttempts));
                    Assert.Contains(decision.Effects, e => e is OutcomeEffect.DeadLetter);
                    break;
                default:
                    Assert.Fail($"unexpected status {record.Status} for {answer}");
                    break;
            }
            Assert.Equal(answer == Answer.Gone, decision.Effects.Any(e => e is OutcomeEffect.DisableDestination));
            Assert.Equal(answer is Answer.Throttled or Answer.Unavailable, decision.Effects.Any(e => e is OutcomeEffect.Hold));
        }, iter: 2000);
    }

    [Fact]
    public void Pipeline_AnySequenceOfAnswersAndClockSteps_EachDeliverySentAtMostOnceAndNeverRetriedAfterIt()
    {
        var step = Gen.Select(Answers, Gen.Int[1, 40], Gen.Int[0, 90]);
        step.Array[1, 30].Sample(script =>
        {
            var h = new DispatchHarness([DispatchHarness.Tg("t1", "-1"), DispatchHarness.Tg("t2", "-2"), DispatchHarness.Dc()],
                retry: Retry, options: new DispatchOptions { MaxPacingWait = TimeSpan.Zero });
            var calls = new List<(string Destination, DateTimeOffset At, Answer Answer, int RetryAfter)>();
            foreach (var sender in h.Senders.Values)
            {
                // After the script, the platform accepts everything.
                foreach (var (answer, retryAfter, _) in script.Append((Answer.Sent, 1, 0)).Concat(Enumerable.Repeat((Answer.Sent, 1, 0), 10)))
                {
                    sender.Then(call =>
                    {
                        // The three destinations' sends run side by side: a List<T> added to from two threads can lose an entry.
                        lock (calls)
                        {
                            calls.Add((call.Target.Destination, h.Clock.GetUtcNow(), answer, retryAfter));
                        }
                        return Outcome(answer, retryAfter, h.Clock.GetUtcNow(), call.Ids);
                    });
                }
            }
            h.ImportAndPlanAsync(TestArticles.Make(key: "k")).GetAwaiter().GetResult();

            foreach (var (_, _, seconds) in script.Concat(script))
            {
                h.DrainAsync().GetAwaiter().GetResult();
                h.Clock.Advance(TimeSpan.FromSeconds(seconds));
            }
            h.Clock.Advance(TimeSpan.FromHours(1));
            h.DrainAsync().GetAwaiter().GetResult();

            foreach (var group in calls.GroupBy(c => c.Destination))
            {
                var list = group.ToList();
                var sent = list.FindIndex(c => c.Answer == Answer.Sent);
                // Once sent, never called again for this delivery.
                Assert.True(sent < 0 || sent == list.Count - 1, $"{group.Key} called after it was sent");
                for (var i = 1; i < list.Count; i++)
                {
                    var previous = list[i - 1];
                    if (previous.Answer is Answer.Throttled or Answer.Paced)
                    {
                        Assert.True(list[i].At - previous.At >= TimeSpan.FromSeconds(previous.RetryAfter), $"{group.Key} came back before the platform's wait");
                    }
                }
                Assert.True(list.Count(c => c.Answer is Answer.RetryLater or Answer.Throttled) <= Retry.MaxAttempts, "attempts are capped");
            }
            foreach (var row in h.Store.All)
            {
                Assert.Contains(row.Status, new[] { DeliveryStatus.Sent, DeliveryStatus.Dead, DeliveryStatus.Queued, DeliveryStatus.Failed });
                Assert.Equal(row.Status == DeliveryStatus.Sent, calls.Any(c => c.Destination == row.Destination && c.Answer == Answer.Sent));
            }
        }, iter: 150);
    }
}
