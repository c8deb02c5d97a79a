using Bot.Host.Sources.Inbox;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>When a file is due, on exact instants.</summary>
public sealed class InboxReadinessTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly InboxReadiness _files = new(Settle);

    [Fact]
    public void Observed_NoEvent_IsDueOnceUnchangedForTheSettleTime()
    {
        _files.Observe("a.md", Look(10, 1), T0);

        Assert.Empty(_files.Due(T0 + Settle - TimeSpan.FromTicks(1)));
        Assert.Equal(["a.md"], _files.Due(T0 + Settle));
        Assert.Equal(T0 + Settle, _files.NextDue());
    }

    [Fact]
    public void Observed_ChangedMeanwhile_SettleTimeStartsAgain()
    {
        _files.Observe("a.md", Look(10, 1), T0);
        _files.Observe("a.md", Look(20, 2), T0 + TimeSpan.FromSeconds(1));

        Assert.Empty(_files.Due(T0 + Settle));
        Assert.Equal(["a.md"], _files.Due(T0 + TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Completed_IsDueAtOnce_WhateverTheSettleTime()
    {
        var files = new InboxReadiness(TimeSpan.FromDays(1));

        files.Completed("a.md", Look(10, 1), T0);

        Assert.Equal(["a.md"], files.Due(T0));
    }

    [Fact]
    public void CompletedButEmpty_IsDueOnlyOnceItStayedEmpty()
    {
        _files.Completed("a.md", Look(0, 1), T0);

        Assert.Empty(_files.Due(T0 + InboxReadiness.EmptySettle - TimeSpan.FromTicks(1)));
        Assert.Equal(["a.md"], _files.Due(T0 + InboxReadiness.EmptySettle));
    }

    [Fact]
    public void Created_NotClosed_WaitsForItsCloseNotForTheSettleTime()
    {
        _files.Created("a.md", Look(10, 1), T0);

        Assert.Empty(_files.Due(T0 + TimeSpan.FromSeconds(30)));
        _files.Completed("a.md", Look(30, 2), T0 + TimeSpan.FromSeconds(31));
        Assert.Equal(["a.md"], _files.Due(T0 + TimeSpan.FromSeconds(31)));
    }

    [Fact]
    public void Created_NeverClosed_IsDueAfterTheUnsignalledSettleTime()
    {
        _files.Created("hard-link.md", Look(10, 1), T0);

        Assert.Empty(_files.Due(T0 + InboxReadiness.UnsignalledSettle - TimeSpan.FromTicks(1)));
        Assert.Equal(["hard-link.md"], _files.Due(T0 + InboxReadiness.UnsignalledSettle));
    }

    [Fact]
    public void ObservedFirst_ThenItsCreatedEvent_WaitsForItsClose()
    {
        _files.Observe("a.md", Look(10, 1), T0);
        _files.Created("a.md", Look(10, 1), T0);

        Assert.Empty(_files.Due(T0 + Settle));
    }

    [Fact]
    public void EventsLost_CreatedFallsBackToTheSettleTime_CompletedStaysDue()
    {
        _files.Created("open.md", Look(10, 1), T0);
        _files.Completed("closed.md", Look(10, 1), T0);

        _files.EventsLost();

        Assert.Equal(["closed.md"], _files.Due(T0));
        Assert.Equal(["closed.md", "open.md"], _files.Due(T0 + Settle));
    }

    [Fact]
    public void NotARegularFile_IsDueAtOnce()
    {
        _files.Observe("link.md", new InboxFileFacts(InboxFileKind.SymbolicLink, 12, default, 0, 0), T0);

        Assert.Equal(["link.md"], _files.Due(T0));
    }

    [Fact]
    public void Due_SeveralFiles_OldestWrittenFirst()
    {
        _files.Completed("b.md", Look(10, 1), T0);
        _files.Completed("a.md", Look(10, 3), T0);
        _files.Completed("c.md", Look(10, 2), T0);

        Assert.Equal(["b.md", "c.md", "a.md"], _files.Due(T0));
    }

    [Fact]
    public void KeepOnly_ForgetsFilesNoLongerThere()
    {
        _files.Observe("gone.md", Look(10, 1), T0);
        _files.Observe("here.md", Look(10, 1), T0);

        _files.KeepOnly(new HashSet<string> { "here.md" });

        Assert.Equal(1, _files.Count);
        Assert.Equal(["here.md"], _files.Due(T0 + Settle));
    }

    [Fact]
    public void NextDue_NothingKnown_IsNull() => Assert.Null(_files.NextDue());

    private static InboxFileFacts Look(long length, int second) =>
        new(InboxFileKind.Regular, length, new DateTime(2024, 5, 1, 11, 0, second, DateTimeKind.Utc), 1, 1);
}
