using System.Text.Json;
using Bot.Channels.DryRun;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Delivery;

public sealed class DryRunChannelSenderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 7, 8, 9, TimeSpan.Zero);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dryrun-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private static DeliveryTarget Target(string channel, string address = "-100") =>
        new(channel, "main", address) { Reference = new DeliveryReference(42, "https://example.org/news/quds-2023", 3, DeliveryKind.Announce) };

    private static TelegramMessage Telegram(params string[] parts) => new(parts.Select(p => new TelegramPart(p)).ToList());

    [Fact]
    public async Task SendAsync_TelegramParts_WritesOneReadableFilePerPart()
    {
        var sender = new DryRunChannelSender(ChannelNames.Telegram, _data, _clock);

        var outcome = await sender.SendAsync(Target(ChannelNames.Telegram), Telegram("<b>مؤتمرون “رواد بيت المقدس”</b>", "الجزء الثاني"), [], CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(
            ["20261130T060708009-main-https-example-org-news-quds-2023-v3-1", "20261130T060708009-main-https-example-org-news-quds-2023-v3-2"],
            sent.RemoteIds);
        var first = await File.ReadAllTextAsync(Path.Combine(_data, "outbox", "telegram", sent.RemoteIds[0] + ".json"));
        Assert.Contains("<b>مؤتمرون “رواد بيت المقدس”</b>", first);
        Assert.Contains("\n  \"action\": \"send\"", first);
        using var json = JsonDocument.Parse(first);
        Assert.Equal(42, json.RootElement.GetProperty("delivery").GetProperty("id").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("parts").GetInt32());
    }

    [Fact]
    public async Task SendAsync_ManyParts_EachFileWholeFromTheMomentItAppears()
    {
        var sender = new DryRunChannelSender(ChannelNames.Telegram, _data, _clock);
        var parts = Enumerable.Range(1, 200).Select(i => string.Concat(Enumerable.Repeat($"الجزء {i} ", 400))).ToArray();
        Directory.CreateDirectory(sender.Folder);
        var seen = new Dictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() =>
        {
            // Read each file as soon as it can be seen, as a tool watching the outbox would.
            while (!stop.IsCancellationRequested)
            {
                foreach (var path in Directory.GetFiles(sender.Folder, "*.json").Where(path => !seen.ContainsKey(path)))
                {
                    seen[path] = File.ReadAllText(path);
                }
            }
        });

        var outcome = await sender.SendAsync(Target(ChannelNames.Telegram), Telegram(parts), [], CancellationToken.None);
        await Task.Delay(100);
        await stop.CancelAsync();
        await reading;

        Assert.Equal(200, outcome.RemoteIds.Count);
        Assert.NotEmpty(seen);
        Assert.All(seen.Values, text => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(text).RootElement.ValueKind));
        // Nothing is left in the folder but the parts.
        Assert.Equal(200, Directory.GetFileSystemEntries(sender.Folder).Length);
    }

    [Fact]
    public async Task SendAsync_WithPartsAlreadySent_WritesOnlyTheRest()
    {
        var sender = new DryRunChannelSender(ChannelNames.Telegram, _data, _clock);

        var outcome = await sender.SendAsync(Target(ChannelNames.Telegram), Telegram("one", "two"), ["earlier"], CancellationToken.None);

        Assert.Equal("earlier", outcome.RemoteIds[0]);
        Assert.Single(Directory.GetFiles(sender.Folder));
    }

    [Fact]
    public async Task EditAsync_FewerParts_EditsTheFirstAndDeletesTheRest()
    {
        var sender = new DryRunChannelSender(ChannelNames.Discord, _data, _clock);
        var message = new DiscordMessage([new DiscordPart("**تصحيح**")]);

        var outcome = await sender.EditAsync(Target(ChannelNames.Discord, "123"), message, ["a", "b"], CancellationToken.None);

        Assert.Equal(["a"], outcome.RemoteIds);
        var files = Directory.GetFiles(sender.Folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["20261130T060708009-main-https-example-org-news-quds-2023-v3-1-edit.json", "20261130T060708009-main-https-example-org-news-quds-2023-v3-delete.json"], files);
        Assert.Contains("\"b\"", await File.ReadAllTextAsync(Path.Combine(sender.Folder, files[1]!)));
    }

    [Fact]
    public async Task EditAsync_MoreParts_KeepsOldIdsAndAddsNewOnes()
    {
        var sender = new DryRunChannelSender(ChannelNames.Telegram, _data, _clock);

        var outcome = await sender.EditAsync(Target(ChannelNames.Telegram), Telegram("1", "2", "3"), ["a"], CancellationToken.None);

        Assert.Equal(3, outcome.RemoteIds.Count);
        Assert.Equal("a", outcome.RemoteIds[0]);
        Assert.Equal(3, Directory.GetFiles(sender.Folder).Length);
    }

    [Fact]
    public async Task DeleteAsync_WritesTheIds()
    {
        var sender = new DryRunChannelSender(ChannelNames.Telegram, _data, _clock);

        var outcome = await sender.DeleteAsync(Target(ChannelNames.Telegram), ["a", "b"], CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(Directory.GetFiles(sender.Folder, "*-delete.json"));
    }

    [Fact]
    public async Task SendAsync_Email_OneFilePerRecipientNamedAfterIt()
    {
        var sender = new DryRunChannelSender(ChannelNames.Email, _data, _clock);
        var email = new EmailMessage("Reader@Example.com", "قارئ", "مؤتمرون", "<p dir=\"rtl\">نص</p>", "نص", "ar", TextDirection.Rtl, null);

        var first = await sender.SendAsync(Target(ChannelNames.Email, "reader@example.com"), email, [], CancellationToken.None);
        var second = await sender.SendAsync(Target(ChannelNames.Email, "reader@example.com"), email, [], CancellationToken.None);

        Assert.Equal("20261130T060708009-main-https-example-org-news-quds-2023-v3-reader-example-com", Assert.Single(first.RemoteIds));
        Assert.Equal(first.RemoteIds[0] + "-2", Assert.Single(second.RemoteIds));
        var text = await File.ReadAllTextAsync(Path.Combine(sender.Folder, first.RemoteIds[0] + ".json"));
        Assert.Contains("\"subject\": \"مؤتمرون\"", text);
    }

    [Fact]
    public async Task SendAsync_WithoutReference_StillWrites()
    {
        var sender = new DryRunChannelSender(ChannelNames.Telegram, _data, _clock);

        var outcome = await sender.SendAsync(new DeliveryTarget(ChannelNames.Telegram, "قناة", "1"), Telegram("x"), [], CancellationToken.None);

        Assert.StartsWith("20261130T060708009-x", Assert.Single(outcome.RemoteIds));
    }
}
