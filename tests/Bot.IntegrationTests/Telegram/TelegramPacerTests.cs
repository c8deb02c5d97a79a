using Bot.Channels.Telegram;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramPacerTests
{
    private const string Channel = "-1001";
    private const string Private = "42";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_GroupChatWindowFull_WaitsUntilOldestLeavesTheMinute()
    {
        var pacer = Pacer(perChatPerMinute: 3);
        Assert.True(pacer.TryAcquire(Channel).IsGranted);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(pacer.TryAcquire(Channel).IsGranted);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(pacer.TryAcquire(Channel).IsGranted);

        var full = pacer.TryAcquire(Channel);
        clock.Advance(TimeSpan.FromSeconds(19));
        var almost = pacer.TryAcquire(Channel);
        clock.Advance(TimeSpan.FromSeconds(1));
        var free = pacer.TryAcquire(Channel);

        Assert.Equal(new TelegramPacing(TimeSpan.FromSeconds(20), IsBlocked: false), full);
        Assert.Equal(TimeSpan.FromSeconds(1), almost.Wait);
        Assert.True(free.IsGranted);
        Assert.Equal(TimeSpan.FromSeconds(20), pacer.TryAcquire(Channel).Wait);
    }

    [Fact]
    public void TryAcquire_PrivateChat_OnePerSecond()
    {
        var pacer = Pacer();

        var first = pacer.TryAcquire(Private);
        var second = pacer.TryAcquire(Private);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var third = pacer.TryAcquire(Private);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        var fourth = pacer.TryAcquire(Private);

        Assert.True(first.IsGranted);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Wait);
        Assert.Equal(TimeSpan.FromMilliseconds(600), third.Wait);
        Assert.True(fourth.IsGranted);
    }

    [Fact]
    public void TryAcquire_GlobalBudgetSpent_OtherChatsWaitForTheSecond()
    {
        var pacer = Pacer(globalPerSecond: 2);
        Assert.True(pacer.TryAcquire("-1").IsGranted);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(pacer.TryAcquire("-2").IsGranted);

        var third = pacer.TryAcquire("-3");
        clock.Advance(TimeSpan.FromMilliseconds(700));
        var later = pacer.TryAcquire("-3");

        Assert.Equal(TimeSpan.FromMilliseconds(700), third.Wait);
        Assert.True(later.IsGranted);
    }

    [Fact]
    public void TryAcquire_DeniedRequests_AreNotCounted()
    {
        var pacer = Pacer(perChatPerMinute: 1);
        Assert.True(pacer.TryAcquire(Channel).IsGranted);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(pacer.TryAcquire(Channel).IsGranted);
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(pacer.TryAcquire(Channel).IsGranted);
    }

    [Fact]
    public void TryAcquire_WindowMargin_AddedToWindowWaitsOnly()
    {
        var pacer = Pacer(perChatPerMinute: 1, margin: TimeSpan.FromMilliseconds(100));

        var first = pacer.TryAcquire(Channel);
        var second = pacer.TryAcquire(Channel);

        Assert.True(first.IsGranted);
        Assert.Equal(TimeSpan.FromSeconds(60.1), second.Wait);
    }

    [Fact]
    public void Block_ChatAfter429_BlockedExactlyForRetryAfterAndOthersUnaffected()
    {
        var pacer = Pacer();
        pacer.Block(Channel, TimeSpan.FromSeconds(17));

        var blocked = pacer.TryAcquire(Channel);
        var other = pacer.TryAcquire("-2002");
        clock.Advance(TimeSpan.FromSeconds(16.5));
        var stillBlocked = pacer.TryAcquire(Channel);
        var remaining = pacer.BlockedFor(Channel);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var free = pacer.TryAcquire(Channel);

        Assert.Equal(new TelegramPacing(TimeSpan.FromSeconds(17), IsBlocked: true), blocked);
        Assert.True(other.IsGranted);
        Assert.Equal(new TelegramPacing(TimeSpan.FromSeconds(0.5), IsBlocked: true), stillBlocked);
        Assert.Equal(TimeSpan.FromSeconds(0.5), remaining);
        Assert.True(free.IsGranted);
        Assert.Null(pacer.BlockedFor(Channel));
    }

    [Fact]
    public void Block_ShorterSecondBlock_DoesNotShortenTheFirst()
    {
        var pacer = Pacer();

        pacer.Block(Channel, TimeSpan.FromSeconds(30));
        pacer.Block(Channel, TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(30), pacer.BlockedFor(Channel));
    }

    [Fact]
    public void TryStart_FinishedLate_CountsFromItsAnswerNotItsStart()
    {
        var pacer = Pacer(globalPerSecond: 2);
        pacer.TryStart("-1", out var slow);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        slow!.Dispose();
        Assert.True(pacer.TryAcquire("-2").IsGranted);

        clock.Advance(TimeSpan.FromMilliseconds(800));
        var third = pacer.TryAcquire("-3");
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var later = pacer.TryAcquire("-3");

        Assert.Equal(new TelegramPacing(TimeSpan.FromMilliseconds(200), IsBlocked: false), third);
        Assert.True(later.IsGranted);
    }

    [Fact]
    public void TryStart_RequestStillUnderWay_HoldsItsPlacePastTheWindow()
    {
        var pacer = Pacer(privatePerSecond: 1);
        var first = pacer.TryStart(Private, out var slot);

        clock.Advance(TimeSpan.FromSeconds(5));
        var whileUnderWay = pacer.TryStart(Private, out var none);
        slot!.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var afterAnswer = pacer.TryAcquire(Private);

        Assert.True(first.IsGranted);
        Assert.Equal(new TelegramPacing(TimeSpan.FromSeconds(1), IsBlocked: false), whileUnderWay);
        Assert.Null(none);
        Assert.Equal(TimeSpan.FromMilliseconds(600), afterAnswer.Wait);
    }

    [Fact]
    public void TryStart_SlotDisposedTwice_KeepsTheFirstAnswerTime()
    {
        var pacer = Pacer(perChatPerMinute: 1);
        pacer.TryStart(Channel, out var slot);
        clock.Advance(TimeSpan.FromSeconds(10));
        slot!.Dispose();

        clock.Advance(TimeSpan.FromSeconds(30));
        slot.Dispose();
        var wait = pacer.TryAcquire(Channel);

        Assert.Equal(TimeSpan.FromSeconds(30), wait.Wait);
    }

    [Fact]
    public void TryStart_BlockedChat_NoSlot()
    {
        var pacer = Pacer();
        pacer.Block(Channel, TimeSpan.FromSeconds(3));

        var blocked = pacer.TryStart(Channel, out var slot);

        Assert.Equal(new TelegramPacing(TimeSpan.FromSeconds(3), IsBlocked: true), blocked);
        Assert.Null(slot);
    }

    [Theory]
    [InlineData("42", true)]
    [InlineData("-42", false)]
    [InlineData("-1001234567890", false)]
    [InlineData("@news", false)]
    public void IsPrivate_ByChatId(string chat, bool expected) => Assert.Equal(expected, TelegramPacer.IsPrivate(chat));

    private TelegramPacer Pacer(int globalPerSecond = 30, int perChatPerMinute = 20, int privatePerSecond = 1, TimeSpan margin = default) =>
        new(new TelegramLimitsOptions
        {
            GlobalPerSecond = globalPerSecond,
            PerChatPerMinute = perChatPerMinute,
            PrivateChatPerSecond = privatePerSecond,
            WindowMargin = margin,
        }, clock);
}
