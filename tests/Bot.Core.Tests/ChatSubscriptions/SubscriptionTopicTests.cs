using Bot.Core.ChatSubscriptions;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.ChatSubscriptions;

public sealed class SubscriptionTopicTests
{
    [Theory]
    [InlineData("Sport", "sport")]
    [InlineData("  Middle \t  East ", "middle east")]
    [InlineData("غزة", "غزة")]
    [InlineData("CAFÉ", "café")]
    public void Normalize_Text_TrimmedSingleSpacedLowerCase(string typed, string expected)
    {
        Assert.Equal(expected, SubscriptionTopic.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_Blank_IsNull(string? typed)
    {
        Assert.Null(SubscriptionTopic.Normalize(typed));
    }

    [Fact]
    public void Normalize_DecomposedAccent_SameAsComposed()
    {
        Assert.Equal(SubscriptionTopic.Normalize("Cafe\u0301"), SubscriptionTopic.Normalize("Caf\u00e9"));
    }

    [Fact]
    public void Of_TagsAndCategory_NormalisedWithoutRepeats()
    {
        var article = TestArticles.Make(tags: ["Gaza", " gaza ", "Al-Quds"], category: "GAZA");

        Assert.Equal(["gaza", "al-quds"], SubscriptionTopic.Of(article));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("gaza", true)]
    [InlineData("politics", true)]
    [InlineData("sport", false)]
    public void Matches_TopicAgainstTagsAndCategory(string? topic, bool expected)
    {
        var article = TestArticles.Make(tags: ["Gaza"], category: "Politics");

        Assert.Equal(expected, SubscriptionTopic.Matches(topic, article));
    }
}
