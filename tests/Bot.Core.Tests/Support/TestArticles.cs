using Bot.Core.Articles;

namespace Bot.Core.Tests.Support;

/// <summary>Throwaway articles: only the values a test cares about need saying.</summary>
public static class TestArticles
{
    public static Article Make(
        string key = "a-1",
        int version = 1,
        string title = "مؤتمرون بإسطنبول يعلنون 2023",
        string body = "اختتمت مساء الجمعة، أعمال الدورة الـ13 من مؤتمر “رواد بيت المقدس”.",
        string language = "ar",
        string? category = null,
        IReadOnlyList<string>? tags = null,
        bool retracted = false) => new()
        {
            Key = key,
            Version = version,
            Title = title,
            Paragraphs = body.Split("\n\n"),
            Language = language,
            Direction = language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? TextDirection.Rtl : TextDirection.Ltr,
            Category = category,
            Tags = tags ?? [],
            Retracted = retracted,
        };
}
