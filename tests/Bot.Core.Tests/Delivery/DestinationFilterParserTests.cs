using Bot.Core.Delivery;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DestinationFilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    public void TryParse_EmptyOrStar_MatchesEverything(string? text)
    {
        var ok = DestinationFilterParser.TryParse(text, out var filter, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Same(DestinationFilter.Everything, filter);
    }

    [Fact]
    public void TryParse_AllKeys_FillsEachList()
    {
        var ok = DestinationFilterParser.TryParse(
            "tag:politics TAG:gaza,quds category:news language:ar pattern:\"القدس|غزة\"", out var filter, out var error);

        Assert.True(ok, error);
        Assert.Equal(["politics", "gaza", "quds"], filter.Tags);
        Assert.Equal(["news"], filter.Categories);
        Assert.Equal(["ar"], filter.Languages);
        Assert.Equal("القدس|غزة", filter.Pattern);
    }

    [Fact]
    public void TryParse_QuotedValue_KeepsSpacesCommasAndEscapes()
    {
        var ok = DestinationFilterParser.TryParse("tag:\"breaking news, live\" pattern:\"say \\\"hi\\\" \\\\d\"", out var filter, out var error);

        Assert.True(ok, error);
        Assert.Equal(["breaking news, live"], filter.Tags);
        Assert.Equal("say \"hi\" \\d", filter.Pattern);
    }

    [Theory]
    [InlineData("politics", "'politics' is not a term")]
    [InlineData("colour:red", "unknown filter key 'colour'")]
    [InlineData("tag:", "'tag:' has no value")]
    [InlineData("pattern:\"(unclosed\"", "not a valid regular expression")]
    [InlineData("tag:\"open", "not closed")]
    [InlineData("pattern:a pattern:b", "only one pattern")]
    public void TryParse_BadInput_SaysWhy(string text, string expected)
    {
        var ok = DestinationFilterParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Format_ParsedBack_GivesTheSameFilter()
    {
        var filter = new DestinationFilter(["a b", "c"], ["news"], ["ar", "en"], "x\"y");

        var text = DestinationFilterParser.Format(filter);
        DestinationFilterParser.TryParse(text, out var again, out _);

        Assert.Equal(filter.Tags, again.Tags);
        Assert.Equal(filter.Categories, again.Categories);
        Assert.Equal(filter.Languages, again.Languages);
        Assert.Equal(filter.Pattern, again.Pattern);
    }
}
