using Bot.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriptionFlowTests
{
    private static readonly SubscriptionList News = new("أخبار", "ar");
    private static readonly SubscriptionList Sport = new("sport", "en");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, 300, TimeSpan.Zero));
    private readonly InMemorySubscriberStore store;
    private readonly SubscriptionTokenSigner tokens;
    private readonly SubscriptionFlow flow;

    public SubscriptionFlowTests()
    {
        store = new InMemorySubscriberStore(clock);
        tokens = new SubscriptionTokenSigner(SubscriptionTokenKey.Generate(), clock);
        flow = new SubscriptionFlow(store, tokens, new SubscriptionLinks("https://news.example.org/", tokens), [News, Sport], clock);
    }

    private static string TokenOf(string url) => url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    [Fact]
    public async Task RequestThenConfirm_NewAddress_BecomesActive()
    {
        var requested = await flow.RequestAsync("أخبار", " Reader@Example.org ", "قارئ", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        var confirmed = await flow.ConfirmAsync(TokenOf(requested.Confirmation!.Link), CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.Requested, requested.Outcome);
        Assert.StartsWith("https://news.example.org/confirm?token=", requested.Confirmation.Link);
        Assert.Equal("reader@example.org", requested.Confirmation.Email);
        Assert.Equal(SubscriptionOutcome.Confirmed, confirmed.Outcome);
        var row = Assert.Single(store.All);
        Assert.Equal(SubscriberStatus.Active, row.Status);
        Assert.Equal("قارئ", row.Name);
        Assert.Equal(clock.GetUtcNow(), row.ConfirmedAt);
    }

    [Fact]
    public async Task Request_PendingAddressPostedAgainSoon_SendsNoSecondMail()
    {
        await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));

        var again = await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.Requested, again.Outcome);
        Assert.Null(again.Confirmation);
        Assert.NotNull(later.Confirmation);
    }

    [Fact]
    public async Task Request_ActiveAddress_SameAnswerAndWorkWithANoteInsteadOfAConfirmation()
    {
        await store.AddActiveAsync("sport", "a@example.org", "A", CancellationToken.None);

        var known = await flow.RequestAsync("sport", "a@example.org", "B", CancellationToken.None);
        var unknown = await flow.RequestAsync("sport", "new@example.org", null, CancellationToken.None);

        Assert.Equal((SubscriptionOutcome.Requested, SubscriptionOutcome.Requested), (known.Outcome, unknown.Outcome));
        Assert.Equal(2, store.Requests);
        Assert.Equal(ConfirmationKind.AlreadySubscribed, known.Confirmation!.Kind);
        Assert.Equal("A", known.Confirmation.Name);
        Assert.StartsWith("https://news.example.org/unsubscribe?token=", known.Confirmation.Link);
        Assert.Equal(ConfirmationKind.Confirm, unknown.Confirmation!.Kind);
        Assert.Equal(SubscriberStatus.Active, store.All.Single(s => s.Email == "a@example.org").Status);
    }

    [Fact]
    public async Task Request_ActiveAddressPostedAgainSoon_NoSecondNote()
    {
        await store.AddActiveAsync("sport", "a@example.org", null, CancellationToken.None);
        await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));

        var again = await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None);

        Assert.Null(again.Confirmation);
        Assert.Equal(2, store.Requests);
    }

    [Fact]
    public async Task CheckConfirm_ValidLink_ChangesNothing()
    {
        var token = TokenOf((await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None)).Confirmation!.Link);

        var check = flow.CheckConfirm(token);

        Assert.Equal((SubscriptionOutcome.ValidLink, "a@example.org"), (check.Outcome, check.Email));
        Assert.Equal(SubscriberStatus.Pending, Assert.Single(store.All).Status);
    }

    [Theory]
    [InlineData("sport", "not-an-address")]
    [InlineData("no-such-list", "a@example.org")]
    [InlineData(null, "a@example.org")]
    public async Task Request_BadAddressOrList_IsInvalidAndStoresNothing(string? list, string email)
    {
        var result = await flow.RequestAsync(list, email, null, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.InvalidRequest, result.Outcome);
        Assert.Empty(store.All);
    }

    [Fact]
    public async Task Confirm_SameLinkTwice_SecondSaysAlreadyConfirmed()
    {
        var token = TokenOf((await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None)).Confirmation!.Link);

        await flow.ConfirmAsync(token, CancellationToken.None);
        var replay = await flow.ConfirmAsync(token, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.AlreadyConfirmed, replay.Outcome);
    }

    [Fact]
    public async Task Confirm_ReplayedAfterUnsubscribing_DoesNotResubscribe()
    {
        var token = TokenOf((await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None)).Confirmation!.Link);
        await flow.ConfirmAsync(token, CancellationToken.None);
        await store.UnsubscribeAsync("sport", "a@example.org", CancellationToken.None);

        var replay = await flow.ConfirmAsync(token, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.StaleLink, replay.Outcome);
        Assert.Equal(SubscriberStatus.Unsubscribed, Assert.Single(store.All).Status);
    }

    [Fact]
    public async Task Confirm_LinkFromAnEarlierRequestCycle_IsStale()
    {
        var old = TokenOf((await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None)).Confirmation!.Link);
        await flow.ConfirmAsync(old, CancellationToken.None);
        await store.UnsubscribeAsync("sport", "a@example.org", CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        var fresh = TokenOf((await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None)).Confirmation!.Link);

        var replay = await flow.ConfirmAsync(old, CancellationToken.None);
        var confirmed = await flow.ConfirmAsync(fresh, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.StaleLink, replay.Outcome);
        Assert.Equal(SubscriptionOutcome.Confirmed, confirmed.Outcome);
    }

    [Fact]
    public async Task Confirm_After48Hours_IsExpiredAndStaysPending()
    {
        var token = TokenOf((await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None)).Confirmation!.Link);
        clock.Advance(TimeSpan.FromHours(48));

        var result = await flow.ConfirmAsync(token, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.ExpiredLink, result.Outcome);
        Assert.Equal(SubscriberStatus.Pending, Assert.Single(store.All).Status);
    }

    [Fact]
    public async Task Confirm_WithAnUnsubscribeToken_IsInvalid()
    {
        await flow.RequestAsync("sport", "a@example.org", null, CancellationToken.None);
        var unsubscribe = tokens.Issue(SubscriptionTokenPurpose.Unsubscribe, "sport", "a@example.org");

        var result = await flow.ConfirmAsync(unsubscribe, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.InvalidLink, result.Outcome);
        Assert.Equal(SubscriberStatus.Pending, Assert.Single(store.All).Status);
    }

    [Fact]
    public async Task Unsubscribe_ValidLink_UnsubscribesAndIsIdempotent()
    {
        await store.AddActiveAsync("sport", "a@example.org", null, CancellationToken.None);
        var token = tokens.Issue(SubscriptionTokenPurpose.Unsubscribe, "sport", "a@example.org");

        var check = flow.CheckUnsubscribe(token);
        var first = await flow.UnsubscribeAsync(token, CancellationToken.None);
        var second = await flow.UnsubscribeAsync(token, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.ValidLink, check.Outcome);
        Assert.Equal(Sport, check.List);
        Assert.Equal(SubscriptionOutcome.Unsubscribed, first.Outcome);
        Assert.Equal(SubscriptionOutcome.Unsubscribed, second.Outcome);
        Assert.Equal(SubscriberStatus.Unsubscribed, Assert.Single(store.All).Status);
    }

    [Fact]
    public async Task Unsubscribe_ForgedLink_ChangesNothing()
    {
        await store.AddActiveAsync("sport", "a@example.org", null, CancellationToken.None);
        var forged = new SubscriptionTokenSigner(SubscriptionTokenKey.Generate(), clock).Issue(SubscriptionTokenPurpose.Unsubscribe, "sport", "a@example.org");

        var result = await flow.UnsubscribeAsync(forged, CancellationToken.None);

        Assert.Equal(SubscriptionOutcome.InvalidLink, result.Outcome);
        Assert.Equal(SubscriberStatus.Active, Assert.Single(store.All).Status);
    }

    [Fact]
    public void FindList_NoNameWithSeveralLists_IsNull()
    {
        Assert.Null(flow.FindList(null));
        Assert.Equal(Sport, flow.FindList("SPORT"));
    }
}
