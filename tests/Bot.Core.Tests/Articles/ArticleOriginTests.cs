using Bot.Core.Articles;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class ArticleOriginTests
{
    [Fact]
    public void Take_FeedItem_IdCarriesTheFeedNameAndTheKeyAsGiven()
    {
        var item = TestArticles.Make(key: "https://news.example.org/?p=1");

        var taken = Assert.IsType<ArticleReadResult.Success>(ArticleOrigin.Feed("desk").Take(item)).Article;

        Assert.Equal("@desk/https://news.example.org/?p=1", taken.Key);
        Assert.Equal(ArticleOrigin.Feed("desk"), taken.Origin);
    }

    [Fact]
    public void Take_SameGuidInTwoFeedsAndTheNewsroom_ThreeDistinctIds()
    {
        var item = TestArticles.Make(key: "shared");

        var ids = new[] { ArticleOrigin.Feed("a"), ArticleOrigin.Feed("b"), ArticleOrigin.Newsroom }
            .Select(o => Assert.IsType<ArticleReadResult.Success>(o.Take(item)).Article.Key);

        Assert.Equal(["@a/shared", "@b/shared", "shared"], ids);
    }

    [Fact]
    public void Take_NewsroomKeyStartingWithTheFeedMark_IsRefusedNamingTheIdField()
    {
        var failure = Assert.IsType<ArticleReadResult.Failure>(ArticleOrigin.Newsroom.Take(TestArticles.Make(key: "@desk/shared")));

        Assert.Equal("field \"id\" must not start with \"@\", which marks the articles of feeds", failure.Reason);
        Assert.Equal("id", Assert.Single(failure.Errors).Field);
    }

    [Theory]
    [InlineData("newsroom")]
    [InlineData("feed:desk")]
    [InlineData("feed:www.example.org-rss")]
    public void Parse_StoredForm_RoundTrips(string stored) => Assert.Equal(stored, ArticleOrigin.Parse(stored).Stored);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("feed:")]
    [InlineData("feed:bad/name")]
    public void Parse_AnythingElse_IsTheNewsroom(string? stored) => Assert.Equal(ArticleOrigin.Newsroom, ArticleOrigin.Parse(stored));

    [Theory]
    [InlineData("desk", true)]
    [InlineData("Al-Jazeera_ar.rss", true)]
    [InlineData("-desk", false)]
    [InlineData("de/sk", false)]
    [InlineData("de sk", false)]
    [InlineData("قدس", false)]
    [InlineData("", false)]
    public void IsValidFeedName_Names_OnlySafeCharacters(string name, bool valid) => Assert.Equal(valid, ArticleOrigin.IsValidFeedName(name));
}
