using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bot.Core.Channels;
using Bot.Core.Delivery;

namespace Bot.Channels.DryRun;

/// <summary>
/// A channel that is not configured: every send, edit and delete is written as indented UTF-8 JSON under
/// <c>&lt;dataDirectory&gt;/outbox/&lt;channel&gt;/</c>, one file per message part (per recipient for email), named
/// <c>&lt;yyyyMMddTHHmmssfff&gt;-&lt;destination&gt;-&lt;article-key-slug&gt;-v&lt;version&gt;-&lt;part&gt;.json</c>.
/// The file name without <c>.json</c> is the part's synthetic remote id, so edits and deletes point at real files.
/// Each part passes the delivery's send budget (<see cref="DeliveryTarget.Gate"/>) like a real platform request, so a
/// dry run is paced as the live channel would be.
/// </summary>
/// <param name="latency">A simulated platform round trip before each write, for benchmarks and crash tests; zero by default.</param>
public sealed class DryRunChannelSender(string channel, string dataDirectory, TimeProvider time, TimeSpan latency = default) : IChannelSender
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Arabic text and typographic quotes stay readable in the files instead of becoming \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Channel => channel;

    /// <summary>The folder this sender writes to.</summary>
    public string Folder { get; } = Path.Combine(dataDirectory, "outbox", channel);

    public async Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken)
    {
        var parts = PartsOf(message);
        var ids = alreadySent.ToList();
        for (var i = ids.Count; i < parts.Count; i++)
        {
            using var slot = target.Gate.TryEnter(out var notBefore);
            if (slot is null) return new SendOutcome.Paced(ids, notBefore);
            ids.Add(await WriteAsync(target, "send", PartName(message, i, ""), parts[i], i, parts.Count, null, cancellationToken));
        }
        return new SendOutcome.Sent(ids);
    }

    public async Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken)
    {
        var parts = PartsOf(message);
        var ids = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            using var slot = target.Gate.TryEnter(out var notBefore);
            if (slot is null) return new SendOutcome.Paced(remoteIds, notBefore);
            var replaces = i < remoteIds.Count ? remoteIds[i] : null;
            var written = await WriteAsync(target, replaces is null ? "send" : "edit", PartName(message, i, replaces is null ? "" : "-edit"),
                parts[i], i, parts.Count, replaces, cancellationToken);
            ids.Add(replaces ?? written);
        }
        if (remoteIds.Count > parts.Count)
        {
            await WriteDeleteAsync(target, remoteIds.Skip(parts.Count).ToList(), cancellationToken);
        }
        return new SendOutcome.Sent(ids);
    }

    public async Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken)
    {
        if (remoteIds.Count > 0)
        {
            using var slot = target.Gate.TryEnter(out var notBefore);
            if (slot is null) return new SendOutcome.Paced(remoteIds, notBefore);
            await WriteDeleteAsync(target, remoteIds, cancellationToken);
        }
        return new SendOutcome.Sent([]);
    }

    private Task WriteDeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        WriteAsync(target, "delete", "delete", JsonSerializer.SerializeToNode(remoteIds, Json), 0, 1, null, cancellationToken);

    private static List<JsonNode?> PartsOf(RenderedMessage message) => message switch
    {
        TelegramMessage t => t.Parts.Select(p => JsonSerializer.SerializeToNode(p, Json)).ToList(),
        DiscordMessage d => d.Parts.Select(p => JsonSerializer.SerializeToNode(p, Json)).ToList(),
        _ => [JsonSerializer.SerializeToNode(message, message.GetType(), Json)],
    };

    private static string PartName(RenderedMessage message, int index, string suffix) =>
        (message is EmailMessage email ? Slug(email.To, 64) : (index + 1).ToString(CultureInfo.InvariantCulture)) + suffix;

    private async Task<string> WriteAsync(
        DeliveryTarget target,
        string action,
        string part,
        JsonNode? payload,
        int index,
        int count,
        string? replaces,
        CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, cancellationToken);
        }
        Directory.CreateDirectory(Folder);
        var reference = target.Reference;
        var stem = string.Join('-',
            time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture),
            Slug(target.Destination, 40),
            reference is null ? "message" : Slug(reference.ArticleKey, 60),
            "v" + (reference?.ArticleVersion ?? 0).ToString(CultureInfo.InvariantCulture),
            part);

        var document = new JsonObject
        {
            ["action"] = action,
            ["channel"] = channel,
            ["destination"] = target.Destination,
            ["address"] = target.Address,
        };
        if (reference is not null)
        {
            document["delivery"] = new JsonObject
            {
                ["id"] = reference.DeliveryId,
                ["articleKey"] = reference.ArticleKey,
                ["articleVersion"] = reference.ArticleVersion,
                ["kind"] = DeliveryNames.Of(reference.Kind),
            };
        }
        document["part"] = index + 1;
        document["parts"] = count;
        if (replaces is not null) document["replaces"] = replaces;
        document["payload"] = payload;
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString(Json) + "\n");

        // Written beside the channel's folder and moved into it, so whoever watches the folder never sees a file half
        // written. Two parts written within one millisecond share a time stamp: the next free name is taken instead of
        // overwriting (a move without overwrite fails when the name is taken).
        var staged = Path.Combine(Path.GetDirectoryName(Folder)!, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(staged, bytes, cancellationToken);
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? stem : $"{stem}-{n}";
            try
            {
                File.Move(staged, Path.Combine(Folder, name + ".json"), overwrite: false);
                return name;
            }
            catch (IOException) when (File.Exists(Path.Combine(Folder, name + ".json")))
            {
            }
        }
    }

    /// <summary>ASCII letters and digits of <paramref name="text"/>, lower case, runs joined by '-'; a short hash when none are left.</summary>
    internal static string Slug(string text, int maxLength)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug.Length > 0
            ? slug
            : "x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
