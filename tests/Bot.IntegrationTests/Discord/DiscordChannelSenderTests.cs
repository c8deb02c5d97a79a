using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.DiscordApi;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Discord;

/// <summary>The real sender and REST client over loopback against the strict fake Discord API.</summary>
public sealed class DiscordChannelSenderTests
{
    private const string News = "1100000000000000001";
    private const string Sports = "1100000000000000002";
    private const string Title = "مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”";
    private const string Lead = "اختتمت مساء الجمعة، أعمال الدورة الـ13 من مؤتمر “رواد بيت المقدس” التي أقيمت في إسطنبول التركية.";

    private static readonly DiscordMessage Announcement = new(
    [
        new DiscordPart(
            $"**{Title}**",
            new DiscordEmbed(
                Title,
                "https://qudspress.com/articles/2023-12-23",
                Lead,
                "https://qudspress.com/images/2023-12-23.jpg",
                "قدس برس",
                new DateTimeOffset(2023, 12, 23, 20, 0, 0, TimeSpan.FromHours(3)),
                0x2B6CB0)),
    ]);

    [Fact]
    public async Task SendAsync_ArabicAnnouncementToTwoChannels_LandsExactlyOnceInEach()
    {
        await using var harness = await DiscordHarness.StartAsync();

        var news = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);
        var sports = await harness.Sender.SendAsync(DiscordHarness.Target(Sports, "sports"), Announcement, [], CancellationToken.None);

        foreach (var (outcome, channel) in new[] { (news, News), (sports, Sports) })
        {
            var sent = Assert.IsType<SendOutcome.Sent>(outcome);
            var message = Assert.Single(harness.Api.VisibleMessages(channel));
            Assert.Equal([message.Id], sent.RemoteIds);
            Assert.Equal($"**{Title}**", message.Content);
            Assert.Equal(Title, message.EmbedText("title"));
            Assert.Equal(Lead, message.EmbedText("description"));
            Assert.Equal("2023-12-23T17:00:00.000Z", message.EmbedText("timestamp"));
            Assert.Equal("https://qudspress.com/images/2023-12-23.jpg", message.Embeds[0]!["image"]!["url"]!.GetValue<string>());
            Assert.Equal("قدس برس", message.Embeds[0]!["footer"]!["text"]!.GetValue<string>());
            Assert.Equal(0x2B6CB0, message.Embeds[0]!["color"]!.GetValue<int>());
            var request = Assert.Single(harness.Api.RequestsTo(channel));
            Assert.Contains(Title, request.Body, StringComparison.Ordinal);
            Assert.Equal("Bot " + harness.Api.BotToken, request.Authorization);
            Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
            Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        }

        Assert.Empty(harness.Api.Violations);
    }

    [Fact]
    public async Task SendEditDelete_WebhookDestinationWithoutBotToken_UsesTheWebhookAlone()
    {
        await using var harness = await DiscordHarness.StartAsync(botToken: string.Empty);
        var webhook = harness.Api.CreateWebhook(News);
        var target = DiscordHarness.Target(webhook.Url.ToString());

        var sent = Assert.IsType<SendOutcome.Sent>(await harness.Sender.SendAsync(target, Announcement, [], CancellationToken.None));
        var edited = await harness.Sender.EditAsync(target, DiscordHarness.Message("تصحيح", "جزء ثان"), sent.RemoteIds, CancellationToken.None);
        var editedIds = Assert.IsType<SendOutcome.Sent>(edited).RemoteIds;
        var deleted = await harness.Sender.DeleteAsync(target, editedIds, CancellationToken.None);

        Assert.Equal(sent.RemoteIds[0], editedIds[0]);
        Assert.Equal(2, editedIds.Count);
        Assert.IsType<SendOutcome.Sent>(deleted);
        Assert.Empty(harness.Api.VisibleMessages(News));
        Assert.All(harness.Api.Messages, m => Assert.Equal(webhook.Id, m.WebhookId));
        Assert.Equal(["POST", "PATCH", "POST", "DELETE", "DELETE"], harness.Api.Journal.Select(r => r.Method));
        Assert.All(harness.Api.Journal, r => Assert.Null(r.Authorization));
        Assert.Contains("?wait=true", harness.Api.Journal[0].Path, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce", harness.Api.Journal[0].Body, StringComparison.Ordinal);
        Assert.Empty(harness.Api.Violations);
    }

    [Fact]
    public async Task SendAndEdit_MentionsInText_NeverPing()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);

        var sent = await harness.Sender.SendAsync(target, DiscordHarness.Message("@everyone عاجل <@123> <@&456> @here"), [], CancellationToken.None);
        var edited = await harness.Sender.EditAsync(target, DiscordHarness.Message("@everyone تصحيح <@123>", "@here جزء"), sent.RemoteIds, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(edited);
        Assert.Equal(3, harness.Api.Journal.Count);
        Assert.All(harness.Api.Journal, r => Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", r.Body, StringComparison.Ordinal));
        Assert.Empty(harness.Api.Pings);
        Assert.Empty(harness.Api.Violations);
    }

    [Fact]
    public async Task EditAsync_MoreParts_EditsInPlaceAndCreatesTheExtraOnes()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        var sent = await harness.Sender.SendAsync(target, DiscordHarness.Message("واحد"), [], CancellationToken.None);

        var edited = await harness.Sender.EditAsync(target, DiscordHarness.Message("واحد مصحح", "اثنان", "ثلاثة"), sent.RemoteIds, CancellationToken.None);

        var ids = Assert.IsType<SendOutcome.Sent>(edited).RemoteIds;
        Assert.Equal(sent.RemoteIds[0], ids[0]);
        Assert.Equal(["واحد مصحح", "اثنان", "ثلاثة"], harness.Api.VisibleMessages(News).Select(m => m.Content));
        Assert.Equal(ids, harness.Api.VisibleMessages(News).Select(m => m.Id));
        Assert.Equal(1, harness.Api.Message(ids[0])!.Edits);
    }

    [Fact]
    public async Task EditAsync_FewerParts_EditsTheFirstAndDeletesTheSurplus()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        var sent = await harness.Sender.SendAsync(target, DiscordHarness.Message("واحد", "اثنان", "ثلاثة"), [], CancellationToken.None);

        var edited = await harness.Sender.EditAsync(target, new DiscordMessage([new DiscordPart(null, Announcement.Parts[0].Embed)]), sent.RemoteIds, CancellationToken.None);

        Assert.Equal([sent.RemoteIds[0]], Assert.IsType<SendOutcome.Sent>(edited).RemoteIds);
        var visible = Assert.Single(harness.Api.VisibleMessages(News));
        Assert.Equal(string.Empty, visible.Content);
        Assert.Equal(Title, visible.EmbedText("title"));
        Assert.True(harness.Api.Message(sent.RemoteIds[1])!.Deleted);
        Assert.True(harness.Api.Message(sent.RemoteIds[2])!.Deleted);
    }

    [Fact]
    public async Task DeleteAsync_SentMessages_AreGoneAndDeletingAgainStillSucceeds()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        var sent = await harness.Sender.SendAsync(target, DiscordHarness.Message("واحد", "اثنان"), [], CancellationToken.None);

        var deleted = await harness.Sender.DeleteAsync(target, sent.RemoteIds, CancellationToken.None);
        var again = await harness.Sender.DeleteAsync(target, sent.RemoteIds, CancellationToken.None);

        Assert.Empty(Assert.IsType<SendOutcome.Sent>(deleted).RemoteIds);
        Assert.Empty(Assert.IsType<SendOutcome.Sent>(again).RemoteIds);
        Assert.Empty(harness.Api.VisibleMessages(News));
        Assert.Equal([204, 204, 404, 404], harness.Api.Journal.Where(r => r.Method == "DELETE").Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_CreateLandedButAnswerLost_RetryReturnsTheSameMessage()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        harness.Api.FailChannel(News, FakeDiscordFailure.LostAnswer, times: 1);

        var first = await harness.Sender.SendAsync(target, Announcement, [], CancellationToken.None);
        var retried = await harness.Sender.SendAsync(target, Announcement, first.RemoteIds, CancellationToken.None);

        var retry = Assert.IsType<SendOutcome.RetryLater>(first);
        Assert.Empty(retry.RemoteIds);
        Assert.Null(retry.RetryAfter);
        var message = Assert.Single(harness.Api.Messages);
        Assert.Equal([message.Id], Assert.IsType<SendOutcome.Sent>(retried).RemoteIds);
        var nonces = harness.Api.Journal.Select(r => JsonNode.Parse(r.Body)!["nonce"]!.GetValue<string>()).ToArray();
        Assert.Equal(2, nonces.Length);
        Assert.Equal(nonces[0], nonces[1]);
        Assert.InRange(nonces[0].Length, 1, 25);
    }

    [Fact]
    public async Task EditAsync_AddedPartLandedButAnswerLost_RetriedEditDoesNotDuplicateIt()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        var sent = await harness.Sender.SendAsync(target, DiscordHarness.Message("واحد"), [], CancellationToken.None);
        var longer = DiscordHarness.Message("واحد مصحح", "اثنان");
        harness.Api.FailChannel(News, FakeDiscordFailure.LostAnswer, times: 1, method: "POST");

        var first = await harness.Sender.EditAsync(target, longer, sent.RemoteIds, CancellationToken.None);
        var retried = await harness.Sender.EditAsync(target, longer, first.RemoteIds, CancellationToken.None);

        Assert.Equal(sent.RemoteIds, Assert.IsType<SendOutcome.RetryLater>(first).RemoteIds);
        var ids = Assert.IsType<SendOutcome.Sent>(retried).RemoteIds;
        Assert.Equal(sent.RemoteIds[0], ids[0]);
        Assert.Equal(2, harness.Api.Messages.Count);
        Assert.Equal(["واحد مصحح", "اثنان"], harness.Api.VisibleMessages(News).Select(m => m.Content));
        Assert.Equal(ids, harness.Api.VisibleMessages(News).Select(m => m.Id));
    }

    [Fact]
    public async Task SendAsync_PartiallySentBefore_SendsOnlyTheRest()
    {
        await using var harness = await DiscordHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), DiscordHarness.Message("واحد", "اثنان"), ["1099999999999999999"], CancellationToken.None);

        var ids = Assert.IsType<SendOutcome.Sent>(outcome).RemoteIds;
        Assert.Equal("1099999999999999999", ids[0]);
        Assert.Equal("اثنان", Assert.Single(harness.Api.VisibleMessages(News)).Content);
    }

    [Fact]
    public async Task SendAsync_TwelveMessagesIntoFivePerWindowBucket_PacedInsteadOfProvokingTooManyRequests()
    {
        await using var harness = await DiscordHarness.StartAsync(new FakeDiscordApiOptions { BucketLimit = 5, BucketWindow = TimeSpan.FromMilliseconds(500) });
        var target = DiscordHarness.Target(News);
        var outcomes = new List<SendOutcome>();

        for (var i = 1; i <= 12; i++)
        {
            outcomes.Add(await harness.SendWaitingOutPacingAsync(target, DiscordHarness.Message($"خبر رقم {i}")));
        }

        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o));
        Assert.Equal(12, harness.Api.Journal.Count);
        Assert.DoesNotContain(harness.Api.Journal, r => r.Status == 429);
        Assert.True(harness.PacedAnswers > 0, "the sender said when to come back instead of sleeping");
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"خبر رقم {i}"), harness.Api.VisibleMessages(News).Select(m => m.Content));
    }

    [Fact]
    public async Task SendAsync_TwelveConcurrentDeliveriesIntoOneChannel_ShareTheBucketWithoutTooManyRequests()
    {
        await using var harness = await DiscordHarness.StartAsync(new FakeDiscordApiOptions { BucketLimit = 5, BucketWindow = TimeSpan.FromMilliseconds(500) });

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            harness.SendWaitingOutPacingAsync(DiscordHarness.Target(News, $"destination-{i}"), DiscordHarness.Message($"خبر رقم {i}"))));

        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o));
        Assert.Equal(12, harness.Api.Journal.Count);
        Assert.DoesNotContain(harness.Api.Journal, r => r.Status == 429);
        Assert.True(harness.PacedAnswers > 0, "the sender said when to come back instead of sleeping");
        Assert.Equal(12, harness.Api.VisibleMessages(News).Count);
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_ReturnsTheExactWaitAndHoldsTheRouteWithoutCallingAgain()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        harness.Api.FailChannel(News, FakeDiscordFailure.RateLimited(1.2345m), times: 1);

        var limited = await harness.Sender.SendAsync(target, Announcement, [], CancellationToken.None);
        var held = await harness.Sender.SendAsync(target, Announcement, [], CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(1235), Assert.IsType<SendOutcome.RetryLater>(limited).RetryAfter);
        var wait = Assert.IsType<SendOutcome.RetryLater>(held).RetryAfter;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(1235));
        Assert.Single(harness.Api.Journal);
        Assert.Empty(harness.Api.Messages);
    }

    [Fact]
    public async Task EditAsync_AddedPartFails_SaysHowManyMessagesShowTheEdit()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var target = DiscordHarness.Target(News);
        var sent = await harness.Sender.SendAsync(target, DiscordHarness.Message("واحد"), [], CancellationToken.None);
        harness.Api.FailChannel(News, FakeDiscordFailure.ServerError, times: 1, method: "POST");

        var edited = await harness.Sender.EditAsync(target, DiscordHarness.Message("واحد، مصحح", "اثنان"), sent.RemoteIds, CancellationToken.None);

        var retry = Assert.IsType<SendOutcome.RetryLater>(edited);
        Assert.Equal(1, retry.Edited);
        Assert.Equal(sent.RemoteIds, retry.RemoteIds);
        Assert.Equal("واحد، مصحح", Assert.Single(harness.Api.VisibleMessages(News)).Content);
    }

    [Fact]
    public async Task SendAsync_GlobalTooManyRequests_HoldsEveryChannel()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.Api.FailChannel(News, FakeDiscordFailure.RateLimited(30m, global: true), times: 1);

        var limited = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);
        var other = await harness.Sender.SendAsync(DiscordHarness.Target(Sports), Announcement, [], CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<SendOutcome.RetryLater>(limited).RetryAfter);
        Assert.IsType<SendOutcome.RetryLater>(other);
        Assert.Empty(harness.Api.RequestsTo(Sports));
    }

    public static TheoryData<string, string> ScriptedFailures => new()
    {
        { nameof(FakeDiscordFailure.MissingPermissions), "Rejected gone" },
        { nameof(FakeDiscordFailure.MissingAccess), "Rejected gone" },
        { nameof(FakeDiscordFailure.UnknownChannel), "Rejected gone" },
        { nameof(FakeDiscordFailure.ServerError), "RetryLater" },
        { nameof(FakeDiscordFailure.Overloaded), "RetryLater" },
    };

    [Theory]
    [MemberData(nameof(ScriptedFailures))]
    public async Task SendAsync_PlatformFailure_IsClassified(string failure, string expected)
    {
        await using var harness = await DiscordHarness.StartAsync();
        var scripted = (FakeDiscordFailure)typeof(FakeDiscordFailure).GetProperty(failure)!.GetValue(null)!;
        harness.Api.FailChannel(News, scripted);

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);

        Assert.Equal(expected, Describe(outcome));
        Assert.Single(harness.Api.Journal);
    }

    [Fact]
    public async Task SendAsync_ContentOverTheLimit_IsRejectedWithTheFieldError()
    {
        await using var harness = await DiscordHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), DiscordHarness.Message(new string('ق', 2001)), [], CancellationToken.None);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.False(rejected.TargetGone);
        Assert.Contains("50035", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("content: Must be 2000 or fewer in length. (BASE_TYPE_MAX_LENGTH)", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ContentAtTheLimitInCodePoints_IsAccepted()
    {
        await using var harness = await DiscordHarness.StartAsync();

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), DiscordHarness.Message(string.Concat(Enumerable.Repeat("😀", 2000))), [], CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
    }

    [Fact]
    public async Task SendAsync_WrongBotToken_MakesTheChannelUnavailable()
    {
        await using var harness = await DiscordHarness.StartAsync(botToken: "wrong.bot.token-value");

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.Equal("Discord 401: 401: Unauthorized", unavailable.Reason);
    }

    [Fact]
    public async Task SendAsync_ChannelWithoutBotToken_IsUnavailableWithoutARequest()
    {
        await using var harness = await DiscordHarness.StartAsync(botToken: string.Empty);

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);

        Assert.Contains("Discord:BotToken", Assert.IsType<SendOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Api.Journal);
    }

    [Fact]
    public async Task SendAsync_WebhookWithWrongTokenOrUnknown_TargetGoneAfterOneRequestEach()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var webhook = harness.Api.CreateWebhook(News);
        var wrongToken = new Uri(webhook.Url, $"/api/webhooks/{webhook.Id}/revoked-token-value");
        var unknown = new Uri(webhook.Url, $"/api/webhooks/1234567/{webhook.Token}");

        var revoked = await harness.Sender.SendAsync(DiscordHarness.Target(wrongToken.ToString()), Announcement, [], CancellationToken.None);
        var gone = await harness.Sender.SendAsync(DiscordHarness.Target(unknown.ToString()), Announcement, [], CancellationToken.None);

        Assert.Equal("Rejected gone", Describe(revoked));
        Assert.Equal("Rejected gone", Describe(gone));
        Assert.Contains("50027", ((SendOutcome.Rejected)revoked).Reason, StringComparison.Ordinal);
        Assert.Contains("10015", ((SendOutcome.Rejected)gone).Reason, StringComparison.Ordinal);
        Assert.Equal([401, 404], harness.Api.Journal.Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_NobodyListening_RetriesLater()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var harness = await DiscordHarness.StartAsync(apiBaseUrl: new Uri($"http://127.0.0.1:{port}/api/v10"));

        var outcome = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);

        Assert.Equal("RetryLater", Describe(outcome));
        Assert.Null(((SendOutcome.RetryLater)outcome).RetryAfter);
    }

    [Fact]
    public async Task SendAsync_AnswerTooSlow_RetriesLaterAndTheRetryDoesNotDuplicate()
    {
        await using var harness = await DiscordHarness.StartAsync(
            new FakeDiscordApiOptions { ResponseDelay = TimeSpan.FromSeconds(5) },
            // Long enough for each request to reach the fake on a loaded machine, far short of its answer.
            requestTimeout: TimeSpan.FromSeconds(1));
        var target = DiscordHarness.Target(News);

        var first = await harness.Sender.SendAsync(target, Announcement, [], CancellationToken.None);
        // The engine retries after a backoff of seconds, not the same instant: by then the aborted request's
        // connection is gone.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var second = await harness.Sender.SendAsync(target, Announcement, [], CancellationToken.None);

        var retry = Assert.IsType<SendOutcome.RetryLater>(first);
        Assert.Null(retry.RetryAfter);
        Assert.Contains("timed out", retry.Reason, StringComparison.Ordinal);
        Assert.IsType<SendOutcome.RetryLater>(second);
        await Eventually.HoldsAsync(() => harness.Api.Journal.Count >= 2, "both requests in the fake's journal");
        Assert.Single(harness.Api.Messages);
        Assert.Equal(2, harness.Api.Journal.Count);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsAndLeavesTheRouteUsable()
    {
        await using var harness = await DiscordHarness.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], cancelled.Token));
        var after = await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(after);
        Assert.Single(harness.Api.Messages);
    }

    [Fact]
    public async Task EditAndDelete_IdThatIsNotASnowflake_RejectedWithoutARequest()
    {
        await using var harness = await DiscordHarness.StartAsync();
        string[] ids = ["1180000000000000001", "../../guilds/1"];

        var edit = await harness.Sender.EditAsync(DiscordHarness.Target(News), DiscordHarness.Message("x"), ids, CancellationToken.None);
        var delete = await harness.Sender.DeleteAsync(DiscordHarness.Target(News), ids, CancellationToken.None);

        Assert.Equal("Rejected kept", Describe(edit));
        Assert.Equal("Rejected kept", Describe(delete));
        Assert.Equal(ids, edit.RemoteIds);
        Assert.Empty(harness.Api.Journal);
    }

    [Fact]
    public async Task AllOperations_Failing_NoReasonOrLogLineCarriesAToken()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var webhook = harness.Api.CreateWebhook(Sports);
        var webhookTarget = DiscordHarness.Target(webhook.Url.ToString(), "sports");
        var revokedTarget = DiscordHarness.Target(new Uri(webhook.Url, $"/api/webhooks/{webhook.Id}/revoked-token-value").ToString(), "sports");
        var sent = await harness.Sender.SendAsync(webhookTarget, Announcement, [], CancellationToken.None);
        harness.Api.FailChannel(Sports, FakeDiscordFailure.RateLimited(2.5m), times: 1);
        harness.Api.FailChannel(News, FakeDiscordFailure.MissingPermissions);
        await using var wrong = await DiscordHarness.StartAsync(botToken: "wrong.bot.token-value");

        SendOutcome[] outcomes =
        [
            await harness.Sender.EditAsync(webhookTarget, DiscordHarness.Message("x"), sent.RemoteIds, CancellationToken.None),
            await harness.Sender.EditAsync(webhookTarget, DiscordHarness.Message("x"), sent.RemoteIds, CancellationToken.None),
            await harness.Sender.SendAsync(revokedTarget, Announcement, [], CancellationToken.None),
            await harness.Sender.DeleteAsync(revokedTarget, sent.RemoteIds, CancellationToken.None),
            await harness.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None),
            await harness.Sender.SendAsync(DiscordHarness.Target("not an address"), Announcement, [], CancellationToken.None),
            await wrong.Sender.SendAsync(DiscordHarness.Target(News), Announcement, [], CancellationToken.None),
        ];

        Assert.DoesNotContain(outcomes, o => o is SendOutcome.Sent);
        string[] secrets = [harness.Api.BotToken, webhook.Token, "revoked-token-value", "wrong.bot.token-value"];
        var texts = outcomes.Select(Reason).Concat(harness.Logs).Concat(wrong.Logs).ToArray();
        Assert.NotEmpty(harness.Logs);
        foreach (var secret in secrets)
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    private static string Reason(SendOutcome outcome) => outcome switch
    {
        SendOutcome.RetryLater r => r.Reason,
        SendOutcome.Rejected r => r.Reason,
        SendOutcome.Unavailable u => u.Reason,
        _ => string.Empty,
    };

    private static string Describe(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Rejected { TargetGone: true } => "Rejected gone",
        SendOutcome.Rejected => "Rejected kept",
        _ => outcome.GetType().Name,
    };
}
