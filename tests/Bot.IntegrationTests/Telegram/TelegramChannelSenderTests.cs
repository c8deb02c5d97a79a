using Bot.Channels.Telegram;
using Bot.Core.Channels;
using Bot.Core.Delivery.Pacing;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramChannelSenderTests
{
    private const string Channel = "-1001234567890";
    private const string OtherChannel = "-1009876543210";

    [Fact]
    public async Task SendAsync_ReferenceArticleToTwoChannels_EachSubscriberSeesItOnceAsSent()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var (message, html, expected) = ReferenceArticle.Load();

        var first = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), message, [], CancellationToken.None);
        var second = await harness.Sender.SendAsync(TelegramHarness.Target(OtherChannel, "other"), message, [], CancellationToken.None);

        Assert.Equal(["1"], Assert.IsType<SendOutcome.Sent>(first).RemoteIds);
        Assert.Equal(["1"], Assert.IsType<SendOutcome.Sent>(second).RemoteIds);
        foreach (var chat in new[] { Channel, OtherChannel })
        {
            var seen = Assert.Single(harness.Api.VisibleMessages(chat));
            Assert.Equal(html, seen.RawText);
            Assert.Equal(expected, seen.Text);
            Assert.True(seen.LinkPreviewDisabled);
            var request = Assert.Single(harness.Api.RequestsTo(chat));
            Assert.Equal("sendMessage", request.Method);
            Assert.Equal("html", request.Json!["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        }
    }

    [Fact]
    public async Task SendAsync_PhotoPartThenTextPart_SendsPhotoWithCaptionThenMessage()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var message = new TelegramMessage(
        [
            new TelegramPart("<b>عنوان</b> &amp; صورة", PhotoUrl: "https://example.org/photo.jpg"),
            new TelegramPart("النص <a href=\"https://example.org/a\">الرابط</a>", DisableLinkPreview: true),
        ]);

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), message, [], CancellationToken.None);

        Assert.Equal(["1", "2"], Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        Assert.Equal(["sendPhoto", "sendMessage"], harness.Api.RequestsTo(Channel).Select(r => r.Method));
        var photo = harness.Api.Message(Channel, 1)!;
        Assert.Equal("https://example.org/photo.jpg", photo.PhotoUrl);
        Assert.Equal("عنوان & صورة", photo.Text);
        var text = harness.Api.Message(Channel, 2)!;
        Assert.False(text.IsPhoto);
        Assert.Equal("النص الرابط", text.Text);
        Assert.True(text.LinkPreviewDisabled);
    }

    [Fact]
    public async Task SendAsync_SomePartsAlreadySent_SendsOnlyTheRest()
    {
        await using var harness = await TelegramHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("one", "two"), ["77"], CancellationToken.None);

        Assert.Equal(["77", "1"], Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        var request = Assert.Single(harness.Api.RequestsTo(Channel));
        Assert.Equal("two", request.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_SecondPartHasBrokenHtml_RejectedNotGoneWithFirstPartsId()
    {
        await using var harness = await TelegramHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("ok", "line<br>break"), [], CancellationToken.None);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.False(rejected.TargetGone);
        Assert.Equal(["1"], rejected.RemoteIds);
        Assert.Contains("Unsupported start tag \"br\" at byte offset 4", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAsync_NewRenderingHasMoreParts_EditsInPlaceAndAppends()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = TelegramHarness.Target(Channel);
        var sent = await harness.Sender.SendAsync(target, TelegramHarness.Message("الخبر"), [], CancellationToken.None);

        var outcome = await harness.Sender.EditAsync(target, TelegramHarness.Message("الخبر <b>مصحح</b>", "تتمة"), sent.RemoteIds, CancellationToken.None);

        Assert.Equal(["1", "2"], Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        Assert.Equal(["الخبر مصحح", "تتمة"], harness.Api.VisibleMessages(Channel).Select(m => m.Text));
        Assert.Equal(1, harness.Api.Message(Channel, 1)!.Edits);
        Assert.Equal(["sendMessage", "editMessageText", "sendMessage"], harness.Api.RequestsTo(Channel).Select(r => r.Method));
    }

    [Fact]
    public async Task EditAsync_NewRenderingHasFewerParts_EditsAndDeletesSurplus()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = TelegramHarness.Target(Channel);
        var sent = await harness.Sender.SendAsync(target, TelegramHarness.Message("a", "b", "c"), [], CancellationToken.None);

        var outcome = await harness.Sender.EditAsync(target, TelegramHarness.Message("a b c"), sent.RemoteIds, CancellationToken.None);

        Assert.Equal(["1"], Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        Assert.Equal("a b c", Assert.Single(harness.Api.VisibleMessages(Channel)).Text);
        var delete = harness.Api.RequestsTo(Channel).Last();
        Assert.Equal("deleteMessages", delete.Method);
        Assert.Equal([2, 3], delete.Json!["message_ids"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task EditAsync_SameContent_NotModifiedCountsAsSent()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = TelegramHarness.Target(Channel);
        var message = TelegramHarness.Message("<b>ثابت</b>");
        var sent = await harness.Sender.SendAsync(target, message, [], CancellationToken.None);

        var outcome = await harness.Sender.EditAsync(target, message, sent.RemoteIds, CancellationToken.None);

        Assert.Equal(["1"], Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        Assert.Equal(400, harness.Api.RequestsTo(Channel).Last().StatusCode);
        Assert.Equal(0, harness.Api.Message(Channel, 1)!.Edits);
    }

    [Fact]
    public async Task EditAsync_PhotoPart_EditsCaption()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = TelegramHarness.Target(Channel);
        var sent = await harness.Sender.SendAsync(target, new TelegramMessage([new TelegramPart("قديم", "https://example.org/p.jpg")]), [], CancellationToken.None);

        var outcome = await harness.Sender.EditAsync(target, new TelegramMessage([new TelegramPart("جديد", "https://example.org/p.jpg")]), sent.RemoteIds, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal("editMessageCaption", harness.Api.RequestsTo(Channel).Last().Method);
        Assert.Equal("جديد", harness.Api.Message(Channel, 1)!.Text);
    }

    [Fact]
    public async Task DeleteAsync_SentAndMissingMessages_AllGoneAndMissingCountAsDeleted()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = TelegramHarness.Target(Channel);
        var sent = await harness.Sender.SendAsync(target, TelegramHarness.Message("a", "b"), [], CancellationToken.None);

        var outcome = await harness.Sender.DeleteAsync(target, [.. sent.RemoteIds, "999"], CancellationToken.None);

        Assert.Empty(Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds);
        Assert.Empty(harness.Api.VisibleMessages(Channel));
    }

    [Fact]
    public async Task DeleteAsync_MoreThanHundredIds_DeletesInBatchesOfHundred()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var ids = Enumerable.Range(1, 150).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var outcome = await harness.Sender.DeleteAsync(TelegramHarness.Target(Channel), ids, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal([100, 50], harness.Api.RequestsTo(Channel).Select(r => r.Json!["message_ids"]!.AsArray().Count));
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_RetryLaterWithExactWaitAndNoRequestWhileThePacerHoldsTheChat()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = harness.PacedTarget(Channel);
        harness.Api.FailChat(Channel, FakeTelegramFailure.TooManyRequests(17), times: 1);

        var limited = await harness.Sender.SendAsync(target, TelegramHarness.Message("x"), [], CancellationToken.None);
        // What the engine does with the answer: the chat is held for the wait the server gave.
        harness.Pacer.Hold(ChannelNames.Telegram, Channel, harness.Clock.GetUtcNow() + ((SendOutcome.RetryLater)limited).RetryAfter!.Value);
        harness.Clock.Advance(TimeSpan.FromSeconds(16));
        var retryTooEarly = await harness.Sender.SendAsync(target, TelegramHarness.Message("x"), [], CancellationToken.None);
        var requestsWhileHeld = harness.Api.RequestsTo(Channel).Count;
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var retryOnTime = await harness.Sender.SendAsync(target, TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(17), Assert.IsType<SendOutcome.RetryLater>(limited).RetryAfter);
        Assert.Equal(harness.Clock.Start.AddSeconds(17), Assert.IsType<SendOutcome.Paced>(retryTooEarly).NotBefore);
        Assert.Equal(1, requestsWhileHeld);
        Assert.IsType<SendOutcome.Sent>(retryOnTime);
        var requests = harness.Api.RequestsTo(Channel);
        Assert.Equal([429, 200], requests.Select(r => r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(17), requests[1].At - requests[0].At);
    }

    [Fact]
    public async Task SendAsync_ServerWindowFullMidMessage_RetryLaterKeepsSentPartsAndResumeCompletesWithoutDuplicates()
    {
        await using var harness = await TelegramHarness.StartAsync(
            api: new FakeTelegramBotApiOptions { GroupPerMinute = 2 });
        var target = TelegramHarness.Target(Channel);
        var message = TelegramHarness.Message("1", "2", "3");

        var limited = await harness.Sender.SendAsync(target, message, [], CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        var resumed = await harness.Sender.SendAsync(target, message, limited.RemoteIds, CancellationToken.None);

        var retry = Assert.IsType<SendOutcome.RetryLater>(limited);
        Assert.Equal(TimeSpan.FromSeconds(60), retry.RetryAfter);
        Assert.Equal(["1", "2"], retry.RemoteIds);
        Assert.Equal(["1", "2", "3"], Assert.IsType<SendOutcome.Sent>(resumed).RemoteIds);
        Assert.Equal(["1", "2", "3"], harness.Api.VisibleMessages(Channel).Select(m => m.Text));
    }

    [Fact]
    public async Task SendAsync_MorePartsThanTheChatBudget_PacedWithTheSentPartsNeverSleepingAndTelegramNeverSays429()
    {
        await using var harness = await TelegramHarness.StartAsync(
            api: new FakeTelegramBotApiOptions { GroupPerMinute = 2 },
            pacing: ChatBudget(2, TimeSpan.FromMinutes(1)));
        var target = harness.PacedTarget(Channel);
        var message = TelegramHarness.Message("1", "2", "3");

        var paced = await harness.Sender.SendAsync(target, message, [], CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        var resumed = await harness.Sender.SendAsync(target, message, paced.RemoteIds, CancellationToken.None);

        var wait = Assert.IsType<SendOutcome.Paced>(paced);
        Assert.Equal(["1", "2"], wait.RemoteIds);
        Assert.Equal(harness.Clock.Start.AddMinutes(1), wait.NotBefore);
        Assert.Equal(["1", "2", "3"], Assert.IsType<SendOutcome.Sent>(resumed).RemoteIds);
        Assert.All(harness.Api.RequestsTo(Channel), r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task EditAsync_BudgetRunsOutAfterTheFirstEdit_PacedSayingHowManyAreEdited()
    {
        await using var harness = await TelegramHarness.StartAsync(pacing: ChatBudget(3, TimeSpan.FromMinutes(1)));
        var target = harness.PacedTarget(Channel);
        var sent = await harness.Sender.SendAsync(target, TelegramHarness.Message("1", "2"), [], CancellationToken.None);

        var edited = await harness.Sender.EditAsync(target, TelegramHarness.Message("1 corrected", "2 corrected"), sent.RemoteIds, CancellationToken.None);

        var paced = Assert.IsType<SendOutcome.Paced>(edited);
        Assert.Equal(1, paced.Edited);
        Assert.Equal(["1", "2"], paced.RemoteIds);
        Assert.Equal(["1 corrected", "2"], harness.Api.VisibleMessages(Channel).Select(m => m.Text));
    }

    private static PacingOptions ChatBudget(int limit, TimeSpan window) =>
        new() { Channels = new() { [ChannelNames.Telegram] = [RateBudget.PerTarget(limit, window)] } };

    [Theory]
    [InlineData("kicked")]
    [InlineData("not-member")]
    [InlineData("chat-not-found")]
    public async Task SendAsync_BotLostTheChat_RejectedTargetGone(string scenario)
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Api.FailChat(Channel, scenario switch
        {
            "kicked" => FakeTelegramFailure.KickedFromChannel,
            "not-member" => FakeTelegramFailure.NotAMember,
            _ => FakeTelegramFailure.ChatNotFound,
        });

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.True(Assert.IsType<SendOutcome.Rejected>(outcome).TargetGone);
    }

    [Fact]
    public async Task SendAsync_GroupUpgradedToSupergroup_TargetMovedToNewId()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Api.FailChat("-4242", FakeTelegramFailure.MigratedTo(-1004242424242));

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target("-4242"), TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.Equal("-1004242424242", Assert.IsType<SendOutcome.TargetMoved>(outcome).NewAddress);
    }

    [Fact]
    public async Task SendAsync_WrongToken_UnavailableAndTokenNotInReason()
    {
        const string wrong = "999999:WRONG-secret_value";
        await using var harness = await TelegramHarness.StartAsync(token: wrong);

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("x"), [], CancellationToken.None);

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.DoesNotContain("WRONG-secret", unavailable.Reason, StringComparison.Ordinal);
        Assert.Equal(401, Assert.Single(harness.Api.Journal).StatusCode);
    }

    [Fact]
    public async Task SendAsync_ServerError_RetryLaterWithoutWait()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Api.FailChat(Channel, FakeTelegramFailure.BadGateway, times: 1);

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.Null(Assert.IsType<SendOutcome.RetryLater>(outcome).RetryAfter);
    }

    [Theory]
    [InlineData("answered")]
    [InlineData("server error")]
    [InlineData("unreachable")]
    public async Task SendAsync_AnyEnd_RequestCountsOnceInTheChatWindowAndLeavesItAfterTheMinute(string scenario)
    {
        await using var harness = await TelegramHarness.StartAsync(
            pacing: ChatBudget(1, TimeSpan.FromMinutes(1)),
            baseUrl: scenario == "unreachable" ? new Uri("http://127.0.0.1:9") : null);
        if (scenario == "server error")
        {
            harness.Api.FailChat(Channel, FakeTelegramFailure.BadGateway, times: 1);
        }

        await harness.Sender.SendAsync(harness.PacedTarget(Channel), TelegramHarness.Message("x"), [], CancellationToken.None);
        var answeredAt = harness.Clock.GetUtcNow();
        var none = harness.Pacer.TryEnter(ChannelNames.Telegram, Channel, out var full);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        using var free = harness.Pacer.TryEnter(ChannelNames.Telegram, Channel, out _);

        Assert.Equal(answeredAt.AddMinutes(1), full);
        Assert.Null(none);
        Assert.NotNull(free);
    }

    [Fact]
    public async Task SendAsync_ApiUnreachable_RetryLaterWithoutWait()
    {
        await using var harness = await TelegramHarness.StartAsync(baseUrl: new Uri("http://127.0.0.1:9"));

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.Null(Assert.IsType<SendOutcome.RetryLater>(outcome).RetryAfter);
    }

    [Fact]
    public async Task EveryOutcome_OfEveryFailure_NeverContainsTheToken()
    {
        await using var harness = await TelegramHarness.StartAsync();
        await using var unreachable = await TelegramHarness.StartAsync(baseUrl: new Uri("http://127.0.0.1:9"));
        var failures = new[]
        {
            FakeTelegramFailure.TooManyRequests(3), FakeTelegramFailure.KickedFromChannel, FakeTelegramFailure.ChatNotFound,
            FakeTelegramFailure.BadGateway, FakeTelegramFailure.Unauthorized, FakeTelegramFailure.MigratedTo(-100555),
            new FakeTelegramFailure(400, $"Bad Request: echo of /bot{harness.Api.Token}/sendMessage"),
        };
        var outcomes = new List<SendOutcome>();
        for (var i = 0; i < failures.Length; i++)
        {
            var chat = (-1000 - i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            harness.Api.FailChat(chat, failures[i]);
            outcomes.Add(await harness.Sender.SendAsync(TelegramHarness.Target(chat), TelegramHarness.Message("x"), [], CancellationToken.None));
            outcomes.Add(await harness.Sender.EditAsync(TelegramHarness.Target(chat), TelegramHarness.Message("x"), ["1"], CancellationToken.None));
            outcomes.Add(await harness.Sender.DeleteAsync(TelegramHarness.Target(chat), ["1"], CancellationToken.None));
        }

        outcomes.Add(await unreachable.Sender.SendAsync(TelegramHarness.Target(Channel), TelegramHarness.Message("x"), [], CancellationToken.None));

        var secret = harness.Api.Token.Split(':')[1];
        Assert.All(outcomes, outcome => Assert.DoesNotContain(secret, outcome.ToString(), StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o is SendOutcome.Rejected { Reason: var reason } && reason.Contains("/bot***/sendMessage", StringComparison.Ordinal));
    }
    [Fact]
    public async Task EditAsync_RateLimitedWhileAppending_RetryLaterListsEveryMessageThatExists()
    {
        await using var harness = await TelegramHarness.StartAsync(
            api: new FakeTelegramBotApiOptions { GroupPerMinute = 3 });
        var target = TelegramHarness.Target(Channel);
        var sent = await harness.Sender.SendAsync(target, TelegramHarness.Message("a"), [], CancellationToken.None);
        var longer = TelegramHarness.Message("a2", "b", "c");

        var limited = await harness.Sender.EditAsync(target, longer, sent.RemoteIds, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var finished = await harness.Sender.EditAsync(target, longer, limited.RemoteIds, CancellationToken.None);

        Assert.Equal(["1", "2"], Assert.IsType<SendOutcome.RetryLater>(limited).RemoteIds);
        Assert.Equal(["1", "2", "3"], Assert.IsType<SendOutcome.Sent>(finished).RemoteIds);
        Assert.Equal(["a2", "b", "c"], harness.Api.VisibleMessages(Channel).Select(m => m.Text));
    }

    [Fact]
    public async Task EditAsync_TextMessageNowRenderedWithPhoto_FallsBackToEditingTheText()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var target = TelegramHarness.Target(Channel);
        var sent = await harness.Sender.SendAsync(target, TelegramHarness.Message("قديم"), [], CancellationToken.None);

        var outcome = await harness.Sender.EditAsync(target, new TelegramMessage([new TelegramPart("جديد", "https://example.org/p.jpg")]), sent.RemoteIds, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(["sendMessage", "editMessageCaption", "editMessageText"], harness.Api.RequestsTo(Channel).Select(r => r.Method));
        Assert.Equal("جديد", harness.Api.Message(Channel, 1)!.Text);
    }

    [Fact]
    public async Task DeleteAsync_BotKickedMidway_RejectedKeepsUndeletedIds()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Api.FailChat(Channel, FakeTelegramFailure.KickedFromChannel);

        var outcome = await harness.Sender.DeleteAsync(TelegramHarness.Target(Channel), ["5", "6"], CancellationToken.None);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.True(rejected.TargetGone);
        Assert.Equal(["5", "6"], rejected.RemoteIds);
    }

    [Fact]
    public async Task SendAsync_AddressIsNotAChat_RejectedWithoutRequest()
    {
        await using var harness = await TelegramHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target("news-channel"), TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.True(Assert.IsType<SendOutcome.Rejected>(outcome).TargetGone);
        Assert.Empty(harness.Api.Journal);
    }

    [Fact]
    public async Task SendAsync_ChannelByUsername_Sent()
    {
        await using var harness = await TelegramHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(TelegramHarness.Target("@quds_news"), TelegramHarness.Message("x"), [], CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(harness.Api.VisibleMessages("@quds_news"));
    }
}
