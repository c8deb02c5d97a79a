using Bot.Core.Rendering;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class RenderedTextTests
{
    [Theory]
    [InlineData("  a  \n\n\n\n b \t\n c\n\n", "a\n\n b\n c")]
    [InlineData("a\n  \n\t\nb", "a\n\nb")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("\n\n", "")]
    public void Tidy_TemplateOutput_TrimsLinesAndKeepsAtMostOneBlankLine(string input, string expected)
    {
        Assert.Equal(expected, RenderedText.Tidy(input));
    }

    [Fact]
    public void SingleLine_LineBreaksAndRuns_BecomeOneSpace()
    {
        Assert.Equal("a b c", RenderedText.SingleLine("\n a \r\n\t b  c \n"));
    }
}
