using Bot.Core.Articles;

namespace Bot.IntegrationTests.Storage;

/// <summary>Articles built in code, shaped like the reference article: Arabic, right-to-left, full of quotation marks.</summary>
internal static class SampleArticles
{
    public static Article Arabic(string key = "quds-press-2023-12") => new()
    {
        Key = key,
        Title = "مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”",
        Summary = "اختتام الدورة الـ13 من مؤتمر “رواد بيت المقدس”",
        Paragraphs =
        [
            "اختتمت مساء الجمعة، أعمال الدورة الـ13 من مؤتمر “رواد بيت المقدس” التي أقيمت في إسطنبول التركية.",
            "وأعلن المؤتمر في بيانه الختامي، “اعتماد سنة 2023 عام البشرى للمسرى”.",
            "وجاء في البيان الذي تلقته “قدس برس”، إن \"لجنة عليا\" ستشكلها الأمانة العامة <للمؤتمر> & شركاؤها.",
        ],
        Url = "https://example.org/ar/2023/12/23/مؤتمر?id=13&lang=ar",
        Image = "https://example.org/img/istanbul.jpg",
        Source = "قدس برس",
        Author = "مراسل قدس برس",
        Tags = ["القدس", "إسطنبول", "مؤتمر"],
        Category = "أخبار",
        Language = "ar",
        Direction = TextDirection.Rtl,
        Published = new DateTimeOffset(2023, 12, 23, 19, 45, 12, TimeSpan.FromHours(3)).AddTicks(1_234_567),
        Received = new DateTimeOffset(2023, 12, 23, 17, 0, 1, TimeSpan.Zero).AddTicks(7_654_321),
        Retracted = false,
    };

    public static Article Plain(string key, string title, string paragraph = "Body.") => new()
    {
        Key = key,
        Title = title,
        Paragraphs = [paragraph],
        Language = "en",
        Direction = TextDirection.Ltr,
    };
}
