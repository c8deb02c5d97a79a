using Bot.Core.Admin;
using Xunit;

namespace Bot.Core.Tests.Admin;

public sealed class AdminNoticeCoalescerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static AdminNotice Dead(string destination, string detail) => new(AdminNoticeKind.DeliveryDead, destination, detail);

    [Fact]
    public void Offer_FirstNotice_GoesOutAtOnce()
    {
        var coalescer = new AdminNoticeCoalescer(Window);

        var digest = coalescer.Offer(Dead("news", "#1 gave up"), T0);

        Assert.Equal(new AdminNoticeDigest(AdminNoticeKind.DeliveryDead, "news", 1, "#1 gave up", T0), digest);
        Assert.Null(coalescer.NextDue);
    }

    [Fact]
    public void Offer_BurstInsideWindow_CountedAndSummarisedOnceWhenTheWindowEnds()
    {
        var coalescer = new AdminNoticeCoalescer(Window);
        coalescer.Offer(Dead("news", "#1"), T0);

        var folded = Enumerable.Range(2, 99).Select(i => coalescer.Offer(Dead("NEWS", $"#{i}"), T0.AddSeconds(i))).ToList();
        var nextDue = coalescer.NextDue;
        var early = coalescer.Due(T0 + Window - TimeSpan.FromTicks(1));
        var due = coalescer.Due(T0 + Window);

        Assert.All(folded, Assert.Null);
        Assert.Equal(T0 + Window, nextDue);
        Assert.Empty(early);
        Assert.Equal(new AdminNoticeDigest(AdminNoticeKind.DeliveryDead, "NEWS", 99, "#100", T0.AddSeconds(2)), Assert.Single(due));
    }

    [Fact]
    public void Due_QuietWindow_ClosesSoTheNextNoticeGoesOutAtOnce()
    {
        var coalescer = new AdminNoticeCoalescer(Window);
        coalescer.Offer(Dead("news", "#1"), T0);

        var due = coalescer.Due(T0 + Window);
        var next = coalescer.Offer(Dead("news", "#2"), T0 + Window + TimeSpan.FromSeconds(1));

        Assert.Empty(due);
        Assert.Equal(1, next?.Count);
    }

    [Fact]
    public void Offer_OtherDestinationOrKind_NotFoldedTogether()
    {
        var coalescer = new AdminNoticeCoalescer(Window);
        coalescer.Offer(Dead("news", "#1"), T0);

        var other = coalescer.Offer(Dead("sport", "#2"), T0.AddSeconds(1));
        var disabled = coalescer.Offer(new AdminNotice(AdminNoticeKind.DestinationDisabled, "news", "kicked"), T0.AddSeconds(2));

        Assert.Equal("sport", other?.Destination);
        Assert.Equal(AdminNoticeKind.DestinationDisabled, disabled?.Kind);
    }

    [Fact]
    public void Offer_AfterAnEndedWindowNobodyCollected_SendsItsCountWithThisNotice()
    {
        var coalescer = new AdminNoticeCoalescer(Window);
        coalescer.Offer(Dead("news", "#1"), T0);
        coalescer.Offer(Dead("news", "#2"), T0.AddSeconds(10));

        var late = coalescer.Offer(Dead("news", "#3"), T0 + Window + TimeSpan.FromSeconds(1));

        Assert.Equal(new AdminNoticeDigest(AdminNoticeKind.DeliveryDead, "news", 2, "#3", T0.AddSeconds(10)), late);
        Assert.Null(coalescer.NextDue);
    }
}
