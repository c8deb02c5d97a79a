using System.Text.Json.Serialization;

namespace Bot.Core.Channels;

/// <summary>A Discord announcement: one or more messages sent in order. Senders always add
/// <c>allowed_mentions: {"parse": []}</c>.</summary>
public sealed record DiscordMessage(IReadOnlyList<DiscordPart> Parts) : RenderedMessage
{
    [JsonIgnore]
    public override int PartCount => Parts.Count;

    public override RenderedMessage PartsFrom(int first) => first == 0 ? this : new DiscordMessage([.. Parts.Skip(first)]);
}

/// <summary>One Discord message: content (at most 2000 characters) and/or one embed.</summary>
public sealed record DiscordPart(string? Content, DiscordEmbed? Embed = null);

public sealed record DiscordEmbed(
    string? Title,
    string? Url,
    string? Description,
    string? ImageUrl,
    string? FooterText,
    DateTimeOffset? Timestamp,
    int? Color);
