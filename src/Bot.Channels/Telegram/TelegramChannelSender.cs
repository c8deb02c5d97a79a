using System.Globalization;
using Bot.Core.Channels;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>
/// Sends, edits and deletes announcements with the Bot API in HTML parse mode. Every request first passes the
/// delivery's <see cref="DeliveryTarget.Gate"/>; when the budget has no room the parts sent so far go back to the
/// engine as <see cref="SendOutcome.Paced"/>, and a 429's wait as <see cref="SendOutcome.RetryLater"/>: nothing is
/// slept here.
/// </summary>
public sealed class TelegramChannelSender(
    ITelegramBotClient client,
    TelegramTokenRedactor redactor,
    ILogger<TelegramChannelSender> logger) : IChannelSender
{
    /// <summary>Telegram's maximum number of ids in one deleteMessages call.</summary>
    public const int DeleteBatchSize = 100;

    public string Channel => ChannelNames.Telegram;

    public async Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(alreadySent);
        var parts = PartsOf(message);
        var ids = new List<string>(alreadySent);
        if (!TryGetChatId(target.Address, out var chat))
        {
            return Report("send", target, BadAddress(target, ids));
        }

        for (var i = ids.Count; i < parts.Count; i++)
        {
            var part = parts[i];
            var (id, failure) = await CallAsync("send", target, ids, token => SendPartAsync(chat, part, token), cancellationToken);
            if (failure is not null)
            {
                return Report("send", target, failure);
            }

            ids.Add(id!);
        }

        return Report("send", target, new SendOutcome.Sent(ids.ToArray()));
    }

    public async Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(remoteIds);
        var parts = PartsOf(message);
        var existing = new List<string>(remoteIds);
        if (!TryGetChatId(target.Address, out var chat))
        {
            return Report("edit", target, BadAddress(target, existing));
        }

        if (!TryParseIds(remoteIds, out var messageIds, out var bad))
        {
            return Report("edit", target, BadRemoteId(bad, existing));
        }

        var common = Math.Min(messageIds.Length, parts.Count);
        for (var i = 0; i < common; i++)
        {
            var (messageId, part) = (messageIds[i], parts[i]);
            var (_, failure) = await CallAsync("edit", target, existing, token => EditPartAsync(chat, messageId, part, token), cancellationToken);
            if (failure is not null)
            {
                return Report("edit", target, failure with { Edited = i });
            }
        }

        // Parts the new rendering adds go after the kept ones; the surplus old ones are deleted last, so that a
        // failure half-way leaves every message that still exists in the outcome and a retry can finish the job.
        var kept = existing.Take(common).ToList();
        var surplus = existing.Skip(common).ToList();
        for (var i = common; i < parts.Count; i++)
        {
            var part = parts[i];
            var (id, failure) = await CallAsync("edit", target, [.. kept, .. surplus], token => SendPartAsync(chat, part, token), cancellationToken);
            if (failure is not null)
            {
                return Report("edit", target, failure with { Edited = kept.Count });
            }

            kept.Add(id!);
        }

        var deleted = await DeleteAllAsync("edit", target, chat, kept, surplus, cancellationToken);
        return Report("edit", target, deleted is null ? new SendOutcome.Sent(kept.ToArray()) : deleted with { Edited = kept.Count });
    }

    public async Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(remoteIds);
        if (!TryGetChatId(target.Address, out var chat))
        {
            return Report("delete", target, BadAddress(target, remoteIds.ToArray()));
        }

        var deleted = await DeleteAllAsync("delete", target, chat, [], remoteIds.ToList(), cancellationToken);
        return Report("delete", target, deleted ?? new SendOutcome.Sent([]));
    }

    /// <summary>Deletes <paramref name="doomed"/> in batches; on failure the outcome lists <paramref name="kept"/> and what is left.</summary>
    private async Task<SendOutcome?> DeleteAllAsync(string operation, DeliveryTarget target, ChatId chat, List<string> kept, List<string> doomed, CancellationToken cancellationToken)
    {
        if (!TryParseIds(doomed, out var messageIds, out var bad))
        {
            return BadRemoteId(bad, [.. kept, .. doomed]);
        }

        for (var start = 0; start < messageIds.Length; start += DeleteBatchSize)
        {
            var batch = messageIds.Skip(start).Take(DeleteBatchSize).ToArray();
            var remaining = doomed.Skip(start).ToArray();
            var (_, failure) = await CallAsync(operation, target, [.. kept, .. remaining], token => DeleteBatchAsync(chat, batch, token), cancellationToken);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private async Task<(T? Value, SendOutcome? Failure)> CallAsync<T>(
        string operation,
        DeliveryTarget target,
        IReadOnlyList<string> remoteIds,
        Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        var slot = target.Gate.TryEnter(out var notBefore);
        if (slot is null)
        {
            TelegramLog.Paced(logger, operation, target.Destination, target.Address, notBefore);
            return (default, new SendOutcome.Paced(remoteIds.ToArray(), notBefore));
        }

        // Disposed when the answer is in: from then on the request counts in the pacer's windows.
        using (slot)
        {
            try
            {
                return (await call(cancellationToken), null);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var outcome = TelegramErrorClassifier.Classify(exception, remoteIds.ToArray());
                if (outcome is null)
                {
                    throw;
                }

                if (outcome is SendOutcome.RetryLater { RetryAfter: { } wait })
                {
                    TelegramLog.RateLimited(logger, target.Destination, target.Address, wait);
                }

                return (default, redactor.Redact(outcome));
            }
        }
    }

    private async Task<string> SendPartAsync(ChatId chat, TelegramPart part, CancellationToken cancellationToken)
    {
        var sent = part.PhotoUrl is { } photo
            ? await client.SendPhoto(chat, InputFile.FromString(photo), caption: part.Html, parseMode: ParseMode.Html, cancellationToken: cancellationToken)
            : await client.SendMessage(chat, part.Html, parseMode: ParseMode.Html, linkPreviewOptions: LinkPreview(part), cancellationToken: cancellationToken);
        return sent.Id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<int> EditPartAsync(ChatId chat, int messageId, TelegramPart part, CancellationToken cancellationToken)
    {
        try
        {
            await EditOnceAsync(chat, messageId, part, asCaption: part.PhotoUrl is not null, cancellationToken);
        }
        catch (ApiRequestException exception) when (TelegramErrorClassifier.IsWrongEditKind(TelegramErrorClassifier.ToApiError(exception)))
        {
            // The earlier rendering had (or lacked) a photo: its text lives in the other field.
            await EditOnceAsync(chat, messageId, part, asCaption: part.PhotoUrl is null, cancellationToken);
        }

        return messageId;
    }

    private async Task EditOnceAsync(ChatId chat, int messageId, TelegramPart part, bool asCaption, CancellationToken cancellationToken)
    {
        try
        {
            if (asCaption)
            {
                await client.EditMessageCaption(chat, messageId, part.Html, parseMode: ParseMode.Html, cancellationToken: cancellationToken);
            }
            else
            {
                await client.EditMessageText(chat, messageId, part.Html, parseMode: ParseMode.Html, linkPreviewOptions: LinkPreview(part), cancellationToken: cancellationToken);
            }
        }
        catch (ApiRequestException exception) when (TelegramErrorClassifier.IsNotModified(TelegramErrorClassifier.ToApiError(exception)))
        {
            // Already showing this content: a repeated correction or a retry after a lost answer.
        }
    }

    private async Task<bool> DeleteBatchAsync(ChatId chat, int[] messageIds, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteMessages(chat, messageIds, cancellationToken);
        }
        catch (ApiRequestException exception) when (TelegramErrorClassifier.IsAlreadyDeleted(TelegramErrorClassifier.ToApiError(exception)))
        {
            // Someone deleted it by hand, or an earlier attempt did.
        }

        return true;
    }

    private SendOutcome Report(string operation, DeliveryTarget target, SendOutcome outcome)
    {
        if (outcome is SendOutcome.Sent sent)
        {
            TelegramLog.Done(logger, operation, target.Destination, target.Address, sent.RemoteIds.Count);
            return outcome;
        }

        // Waiting for the budget is the pacer's normal answer, logged at debug where it is given.
        if (outcome is SendOutcome.Paced) return outcome;

        var reason = outcome switch
        {
            SendOutcome.RetryLater r => r.Reason,
            SendOutcome.Rejected r => r.Reason,
            SendOutcome.Unavailable u => u.Reason,
            SendOutcome.TargetMoved m => $"moved to {m.NewAddress}",
            _ => string.Empty,
        };
        TelegramLog.Failed(logger, operation, target.Destination, target.Address, outcome.GetType().Name, reason);
        return outcome;
    }

    private static LinkPreviewOptions? LinkPreview(TelegramPart part) =>
        part.DisableLinkPreview ? new LinkPreviewOptions { IsDisabled = true } : null;

    private static IReadOnlyList<TelegramPart> PartsOf(RenderedMessage message) =>
        message as TelegramMessage is { } telegram
            ? telegram.Parts
            : throw new ArgumentException($"The Telegram channel cannot send a {message?.GetType().Name ?? "null"}.", nameof(message));

    private static bool TryGetChatId(string address, out ChatId chat)
    {
        if (long.TryParse(address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            chat = new ChatId(id);
            return true;
        }

        chat = null!;
        if (address.Length > 1 && address[0] == '@')
        {
            chat = new ChatId(address);
            return true;
        }

        return false;
    }

    private static bool TryParseIds(IReadOnlyList<string> remoteIds, out int[] messageIds, out string bad)
    {
        messageIds = new int[remoteIds.Count];
        bad = string.Empty;
        for (var i = 0; i < remoteIds.Count; i++)
        {
            if (!int.TryParse(remoteIds[i], NumberStyles.None, CultureInfo.InvariantCulture, out messageIds[i]))
            {
                bad = remoteIds[i];
                return false;
            }
        }

        return true;
    }

    private SendOutcome BadAddress(DeliveryTarget target, IReadOnlyList<string> remoteIds) =>
        new SendOutcome.Rejected(remoteIds.ToArray(), redactor.Redact($"'{target.Address}' is neither a Telegram chat id nor an @username"), TargetGone: true);

    private static SendOutcome BadRemoteId(string bad, IReadOnlyList<string> remoteIds) =>
        new SendOutcome.Rejected(remoteIds.ToArray(), $"'{bad}' is not a Telegram message id", TargetGone: false);
}
