using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Tests.Support;
using CsCheck;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>The pure planner over any history of announcement threads, retracted or not.</summary>
public sealed class PlannerPropertyTests
{
    private static readonly Destination[] Destinations = [DispatchHarness.Tg(), DispatchHarness.Dc(), DispatchHarness.Mail(corrections: true), DispatchHarness.Mail("quiet")];

    [Fact]
    public void Plan_AnyHistory_OneFollowUpPerStartedThreadAndNothingButDeletesForARetraction()
    {
        var thread = Gen.Select(Gen.Int[0, Destinations.Length - 1], Gen.Int[0, 3], Gen.Enum<AnnouncementState>());
        Gen.Select(thread.Array[0, 12], Gen.Bool, Gen.Int[2, 9]).Sample((threads, retracted, version) =>
        {
            var history = new AnnouncementHistory(threads.Select(t => new AnnouncementThread(Destinations[t.Item1].Name, t.Item2, t.Item3)));
            var plan = new DeliveryPlanner(Destinations).Plan(TestArticles.Make(key: "k", version: version, retracted: retracted), history);

            var kinds = plan.Deliveries.Select(d => (d.Destination, d.Generation, d.Kind))
                .Concat(plan.FanOuts.Select(f => (f.Destination, f.Generation, f.Kind))).ToList();
            Assert.Equal(kinds.Count, kinds.Select(k => (k.Destination, k.Generation)).Distinct().Count());
            Assert.Equal(retracted, plan.CancelPending);
            foreach (var (destination, generation, kind) in kinds)
            {
                var state = history.StateOf(destination, generation);
                var target = Destinations.Single(d => d.Name == destination);
                if (retracted) Assert.Equal(DeliveryKind.Delete, kind);
                if (kind == DeliveryKind.Announce) Assert.Equal((0, AnnouncementState.None), (generation, state));
                else Assert.NotEqual(AnnouncementState.None, state);
                if (kind is DeliveryKind.Edit or DeliveryKind.Delete) Assert.True(target.EditsInPlace);
                if (kind == DeliveryKind.Correction) Assert.Equal((true, AnnouncementState.Sent), (target.SendCorrections, state));
            }
            // Every started thread of a destination whose messages edit in place follows the article.
            foreach (var t in threads.Where(t => t.Item3 != AnnouncementState.None && Destinations[t.Item1].EditsInPlace))
            {
                Assert.Contains(kinds, k => k.Destination == Destinations[t.Item1].Name && k.Generation == t.Item2);
            }
        }, iter: 3000);
    }
}
