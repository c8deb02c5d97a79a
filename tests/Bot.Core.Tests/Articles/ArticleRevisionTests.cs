using Bot.Core.Articles;
using Bot.Core.Tests.Support;
using Xunit;
using Verdict = Bot.Core.Articles.ArticleRevision.Verdict;

namespace Bot.Core.Tests.Articles;

public sealed class ArticleRevisionTests
{
    private static readonly Article Live = TestArticles.Make();
    private static readonly Article Retraction = Live with { Retracted = true };

    private static Verdict Judge(Article incoming, Article latest) =>
        ArticleRevision.Judge(incoming, ArticleFingerprint.Compute(incoming), ArticleFingerprint.Compute(latest), latest.Retracted);

    [Fact]
    public void Judge_SameContent_Unchanged() => Assert.Equal(Verdict.Unchanged, Judge(Live, Live));

    [Fact]
    public void Judge_ChangedContentOfALiveArticle_NewVersion() => Assert.Equal(Verdict.NewVersion, Judge(Live with { Title = "Corrected" }, Live));

    [Fact]
    public void Judge_RetractionOfALiveArticle_NewVersion() => Assert.Equal(Verdict.NewVersion, Judge(Retraction, Live));

    [Fact]
    public void Judge_SameItemAgainAfterARetraction_AsksWhetherItsContentWasSeen() => Assert.Equal(Verdict.NewUnlessSeen, Judge(Live, Retraction));

    [Fact]
    public void Judge_RetractedItemWithOtherContentWhileRetracted_StaysRetracted() =>
        Assert.Equal(Verdict.StaysRetracted, Judge(Retraction with { Title = "Other" }, Retraction));

    [Fact]
    public void Judge_ExplicitRetractedFalseWithTheSameContent_NewVersion() =>
        Assert.Equal(Verdict.NewVersion, Judge(Live with { Reinstates = true }, Retraction));

    [Fact]
    public void ContentFingerprint_RetractionAndItsContent_Equal() =>
        Assert.Equal(ArticleFingerprint.Compute(Live), ArticleRevision.ContentFingerprint(Retraction));
}
