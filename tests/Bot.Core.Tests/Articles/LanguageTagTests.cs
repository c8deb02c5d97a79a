using Bot.Core.Articles;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("AR", "ar")]
    [InlineData(" ar-EG ", "ar")]
    [InlineData("en_US", "en")]
    [InlineData("zh-Hant-TW", "zh")]
    [InlineData("ckb", "ckb")]
    public void TryNormalise_ValidTag_ReturnsLowerCasePrimarySubtag(string raw, string expected)
    {
        var ok = LanguageTag.TryNormalise(raw, out var language);

        Assert.True(ok);
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("Arabic")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("ع")]
    [InlineData("-en")]
    public void TryNormalise_NotATag_Fails(string raw)
    {
        var ok = LanguageTag.TryNormalise(raw, out _);

        Assert.False(ok);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("he")]
    [InlineData("fa")]
    [InlineData("ur")]
    [InlineData("ps")]
    [InlineData("yi")]
    [InlineData("ckb")]
    [InlineData("dv")]
    [InlineData("sd")]
    [InlineData("ug")]
    public void DirectionOf_RightToLeftLanguage_IsRtl(string language)
    {
        Assert.Equal(TextDirection.Rtl, LanguageTag.DirectionOf(language));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("zh")]
    [InlineData("tr")]
    [InlineData("und")]
    public void DirectionOf_OtherLanguage_IsLtr(string language)
    {
        Assert.Equal(TextDirection.Ltr, LanguageTag.DirectionOf(language));
    }
}
