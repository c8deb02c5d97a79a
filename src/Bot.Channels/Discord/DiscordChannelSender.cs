using Bot.Core.Channels;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord;

/// <summary>
/// Sends, edits and deletes announcements in Discord channels (with the bot token) or through webhooks. Creates on a
/// channel carry a nonce derived from the delivery, so a retried create cannot post twice. Every request passes the
/// delivery's send budget (<see cref="DeliveryTarget.Gate"/>) and Discord's own buckets; when either has no room the
/// work done so far comes back as <see cref="SendOutcome.Paced"/>, never slept on here. Failures come back as
/// <see cref="SendOutcome"/> values with every token redacted.
/// </summary>
public sealed class DiscordChannelSender(
    DiscordRestClient client,
    DiscordTokenRedactor redactor,
    ILogger<DiscordChannelSender> logger) : IChannelSender
{
    public string Channel => ChannelNames.Discord;

    public async Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(alreadySent);
        var parts = PartsOf(message);
        var ids = new List<string>(alreadySent);
        if (!DiscordMessageTarget.TryParse(target.Address, out var discord))
        {
            return Report("send", target, null, BadAddress(ids));
        }

        for (var i = ids.Count; i < parts.Count; i++)
        {
            var (id, failure) = await CreateAsync("send", target, discord!, parts[i], i, ids, ids, cancellationToken);
            if (failure is not null)
            {
                return Report("send", target, discord, failure);
            }

            ids.Add(id);
        }

        return Report("send", target, discord, new SendOutcome.Sent(ids.ToArray()));
    }

    public async Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(remoteIds);
        var parts = PartsOf(message);
        var existing = remoteIds.ToArray();
        if (!DiscordMessageTarget.TryParse(target.Address, out var discord))
        {
            return Report("edit", target, null, BadAddress(existing));
        }

        if (existing.FirstOrDefault(id => !IsMessageId(id)) is { } badEdit)
        {
            return Report("edit", target, discord, BadRemoteId(badEdit, existing));
        }

        var common = Math.Min(existing.Length, parts.Count);
        for (var i = 0; i < common; i++)
        {
            var (messageId, part) = (existing[i], parts[i]);
            var (_, failure) = await PassAsync(target, discord!, existing, token => client.EditMessageAsync(discord!, messageId, DiscordPayload.ForEdit(part), token), cancellationToken);
            if (failure is not null)
            {
                return Report("edit", target, discord, failure with { Edited = i });
            }
        }

        // New parts go after the kept ones and the surplus is deleted last, so a failure half-way leaves every
        // message that still exists in the outcome and a retry of the edit finishes the job.
        var kept = existing.Take(common).ToList();
        var surplus = existing.Skip(common).ToList();
        for (var i = common; i < parts.Count; i++)
        {
            var (id, failure) = await CreateAsync("edit", target, discord!, parts[i], i, kept, [.. kept, .. surplus], cancellationToken);
            if (failure is not null)
            {
                return Report("edit", target, discord, failure with { Edited = kept.Count });
            }

            kept.Add(id);
        }

        var deleted = await DeleteAllAsync(target, discord!, kept, surplus, cancellationToken);
        return Report("edit", target, discord, deleted is null ? new SendOutcome.Sent(kept.ToArray()) : deleted with { Edited = kept.Count });
    }

    public async Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(remoteIds);
        if (!DiscordMessageTarget.TryParse(target.Address, out var discord))
        {
            return Report("delete", target, null, BadAddress(remoteIds.ToArray()));
        }

        if (remoteIds.FirstOrDefault(id => !IsMessageId(id)) is { } badDelete)
        {
            return Report("delete", target, discord, BadRemoteId(badDelete, remoteIds.ToArray()));
        }

        var deleted = await DeleteAllAsync(target, discord!, [], remoteIds.ToList(), cancellationToken);
        return Report("delete", target, discord, deleted ?? new SendOutcome.Sent([]));
    }

    private async Task<(string Id, SendOutcome? Failure)> CreateAsync(
        string operation,
        DeliveryTarget target,
        DiscordMessageTarget discord,
        DiscordPart part,
        int index,
        IReadOnlyList<string> precedingIds,
        IReadOnlyList<string> existing,
        CancellationToken cancellationToken)
    {
        // Webhook execution takes no nonce, so only channel creates are protected against a retried duplicate.
        var nonce = discord.IsWebhook
            ? null
            : DiscordNonce.For(target, operation, index, precedingIds, DiscordPayload.Serialize(DiscordPayload.ForCreate(part, null)));
        var (result, failure) = await PassAsync(target, discord, existing, token => client.CreateMessageAsync(discord, DiscordPayload.ForCreate(part, nonce), token), cancellationToken);
        if (failure is not null)
        {
            return (string.Empty, failure);
        }

        return result!.MessageId is { Length: > 0 } id
            ? (id, null)
            : (string.Empty, new SendOutcome.RetryLater(existing, null, "Discord answered a create without a message id"));
    }

    /// <summary>Deletes <paramref name="doomed"/> one by one; on failure the outcome lists <paramref name="kept"/> and what is left.</summary>
    private async Task<SendOutcome?> DeleteAllAsync(DeliveryTarget target, DiscordMessageTarget discord, List<string> kept, List<string> doomed, CancellationToken cancellationToken)
    {
        for (var i = 0; i < doomed.Count; i++)
        {
            var messageId = doomed[i];
            IReadOnlyList<string> left = [.. kept, .. doomed.Skip(i)];
            var (result, failure) = await PassAsync(target, discord, left, token => client.DeleteMessageAsync(discord, messageId, token), cancellationToken);
            if (failure is not null && result?.Error is not { IsUnknownMessage: true })
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>One REST call through the send budget; the failure, when there is one, with <paramref name="existing"/> as the messages left.</summary>
    private static async Task<(DiscordResult? Result, SendOutcome? Failure)> PassAsync(
        DeliveryTarget target,
        DiscordMessageTarget discord,
        IReadOnlyList<string> existing,
        Func<CancellationToken, Task<DiscordResult>> call,
        CancellationToken cancellationToken)
    {
        using var slot = target.Gate.TryEnter(out var notBefore);
        if (slot is null) return (null, new SendOutcome.Paced([.. existing], notBefore));

        var result = await call(cancellationToken);
        if (result.NotBefore is { } bucketFree) return (result, new SendOutcome.Paced([.. existing], bucketFree));
        return result.IsSuccess ? (result, null) : (result, DiscordErrorClassifier.Classify(result.Error!, discord.IsWebhook, existing));
    }

    private SendOutcome Report(string operation, DeliveryTarget target, DiscordMessageTarget? discord, SendOutcome outcome)
    {
        var secret = (discord as DiscordMessageTarget.Webhook)?.Token;
        outcome = redactor.Redact(outcome, secret);
        var where = discord?.ToString() ?? "unreadable address";
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                DiscordLog.Done(logger, operation, target.Destination, where, sent.RemoteIds.Count);
                break;
            case SendOutcome.RetryLater retry:
                DiscordLog.Failed(logger, operation, target.Destination, where, nameof(SendOutcome.RetryLater), retry.Reason);
                break;
            case SendOutcome.Rejected rejected:
                DiscordLog.Failed(logger, operation, target.Destination, where, nameof(SendOutcome.Rejected), rejected.Reason);
                break;
            case SendOutcome.Unavailable unavailable:
                DiscordLog.Failed(logger, operation, target.Destination, where, nameof(SendOutcome.Unavailable), unavailable.Reason);
                break;
        }

        return outcome;
    }

    private static SendOutcome BadAddress(IReadOnlyList<string> ids) =>
        new SendOutcome.Rejected(ids, "Discord address is neither a channel id nor a webhook URL", TargetGone: true);

    private static SendOutcome BadRemoteId(string id, IReadOnlyList<string> ids) =>
        new SendOutcome.Rejected(ids, $"'{id}' is not a Discord message id", TargetGone: false);

    // Ids go into the request path, so anything but a snowflake is refused before it can reach a URL.
    private static bool IsMessageId(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);

    private static IReadOnlyList<DiscordPart> PartsOf(RenderedMessage message) => message switch
    {
        DiscordMessage { Parts.Count: > 0 } discord => discord.Parts,
        DiscordMessage => throw new ArgumentException("A Discord message needs at least one part.", nameof(message)),
        _ => throw new ArgumentException($"The Discord channel cannot send a {message?.GetType().Name ?? "null"}.", nameof(message)),
    };
}
