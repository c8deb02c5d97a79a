using Bot.Core.Delivery;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DestinationFilterMatcherTests
{
    private static DestinationFilterMatcher Matcher(string text)
    {
        Assert.True(DestinationFilterParser.TryParse(text, out var filter, out var error), error);
        return new DestinationFilterMatcher(filter);
    }

    [Fact]
    public void Matches_EmptyFilter_TakesEverything() =>
        Assert.True(new DestinationFilterMatcher(DestinationFilter.Everything).Matches(TestArticles.Make()));

    [Fact]
    public void Matches_Tags_IgnoresCaseAndNeedsOnlyOne()
    {
        var matcher = Matcher("tag:Politics,sport");

        Assert.True(matcher.Matches(TestArticles.Make(tags: ["POLITICS"])));
        Assert.True(matcher.Matches(TestArticles.Make(tags: ["culture", "Sport"])));
        Assert.False(matcher.Matches(TestArticles.Make(tags: ["culture"])));
        Assert.False(matcher.Matches(TestArticles.Make(tags: [])));
    }

    [Fact]
    public void Matches_ArabicTag_ComparesInNormalForm()
    {
        // "é" precomposed in the filter, decomposed in the article.
        var matcher = Matcher("tag:caf\u00e9 tag:القدس");

        Assert.True(matcher.Matches(TestArticles.Make(tags: ["cafe\u0301"])));
        Assert.True(matcher.Matches(TestArticles.Make(tags: ["القدس"])));
    }

    [Fact]
    public void Matches_Category_IgnoresCaseAndNeedsACategory()
    {
        var matcher = Matcher("category:news");

        Assert.True(matcher.Matches(TestArticles.Make(category: "News")));
        Assert.False(matcher.Matches(TestArticles.Make(category: "opinion")));
        Assert.False(matcher.Matches(TestArticles.Make(category: null)));
    }

    [Theory]
    [InlineData("language:ar", "ar-EG", true)]
    [InlineData("language:ar-EG", "ar", true)]
    [InlineData("language:AR", "ar", true)]
    [InlineData("language:en", "ar", false)]
    [InlineData("language:en,ar", "ar_SA", true)]
    public void Matches_Language_ComparesPrimarySubtags(string filter, string language, bool expected) =>
        Assert.Equal(expected, Matcher(filter).Matches(TestArticles.Make(language: language)));

    [Fact]
    public void Matches_Pattern_TriesTitleAndBody()
    {
        var matcher = Matcher("pattern:بيت\\s+المقدس");

        Assert.True(matcher.Matches(TestArticles.Make(title: "x", body: "مؤتمر “رواد بيت المقدس”")));
        Assert.True(matcher.Matches(TestArticles.Make(title: "عن بيت المقدس", body: "x")));
        Assert.False(matcher.Matches(TestArticles.Make(title: "x", body: "y")));
    }

    [Fact]
    public void Matches_AllKeys_MustEachMatch()
    {
        var matcher = Matcher("tag:gaza language:ar");

        Assert.True(matcher.Matches(TestArticles.Make(tags: ["gaza"], language: "ar")));
        Assert.False(matcher.Matches(TestArticles.Make(tags: ["gaza"], language: "en")));
    }

    [Fact]
    public void Match_RunawayPattern_TimesOutAsNoMatch()
    {
        var matcher = new DestinationFilterMatcher(new DestinationFilter([], [], [], "^(a+)+$"), TimeSpan.FromMilliseconds(1));

        var result = matcher.Match(TestArticles.Make(title: new string('a', 40) + "!", body: "b"));

        Assert.Equal(FilterResult.PatternTimedOut, result);
    }

    [Theory]
    [InlineData("ar-EG", "ar")]
    [InlineData("zh_Hant_TW", "zh")]
    [InlineData(" EN ", "en")]
    public void PrimaryLanguage_TakesTheFirstSubtag(string tag, string expected) =>
        Assert.Equal(expected, DestinationFilterMatcher.PrimaryLanguage(tag));
}
