using System.Text.Json.Serialization;

namespace Bot.Core.Channels;

/// <summary>A Telegram announcement: one or more parts sent in order (HTML parse mode).</summary>
public sealed record TelegramMessage(IReadOnlyList<TelegramPart> Parts) : RenderedMessage
{
    [JsonIgnore]
    public override int PartCount => Parts.Count;

    public override RenderedMessage PartsFrom(int first) => first == 0 ? this : new TelegramMessage([.. Parts.Skip(first)]);
}

/// <summary>
/// One Telegram message. With <see cref="PhotoUrl"/> it is a sendPhoto whose caption is <see cref="Html"/>
/// (at most 1024 characters after parsing); otherwise a sendMessage (at most 4096).
/// </summary>
public sealed record TelegramPart(string Html, string? PhotoUrl = null, bool DisableLinkPreview = false);
