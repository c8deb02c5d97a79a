using System.Text;
using Bot.Core.Articles;

namespace Bot.Core.ChatSubscriptions;

/// <summary>
/// The topic a private chat chose with <c>/start TOPIC</c>, compared with an article's tags and category the way
/// destination filters compare them (case, Unicode normal form and surrounding space ignored), and stored in that
/// compared form so the store can match it with plain equality.
/// </summary>
public static class SubscriptionTopic
{
    /// <summary>Longest topic accepted, in characters; tags are words or short phrases.</summary>
    public const int MaxLength = 64;

    /// <summary>The compared form: trimmed, inner runs of white space made one space, NFC, lower case; null when blank.</summary>
    public static string? Normalize(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic)) return null;
        var words = topic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words).Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>Every topic the article can be subscribed by: its tags and its category, normalised, without repeats.</summary>
    public static IReadOnlyList<string> Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var topics = new List<string>();
        foreach (var value in article.Tags.Append(article.Category))
        {
            if (Normalize(value) is { } topic && !topics.Contains(topic, StringComparer.Ordinal)) topics.Add(topic);
        }
        return topics;
    }

    /// <summary>Whether a subscriber with <paramref name="topic"/> (normalised; null for everything) wants the article.</summary>
    public static bool Matches(string? topic, Article article) => topic is null || Of(article).Contains(topic, StringComparer.Ordinal);
}
