using System.Globalization;
using System.Text;
using Bot.Core.Rendering;
using CsCheck;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class TelegramHtmlSplitterTests
{
    [Fact]
    public void Split_TextWithinLimit_ReturnsOnePartUnchanged()
    {
        var parts = TelegramHtmlSplitter.Split("<b>عنوان</b>\n\nنص &amp; &lt;b&gt;");

        var part = Assert.Single(parts);
        Assert.Equal("<b>عنوان</b>\n\nنص &amp; &lt;b&gt;", part.Markup);
        Assert.Equal("عنوان\n\nنص & <b>", part.Text);
    }

    [Fact]
    public void Split_StrayAmpersandAndGreaterThan_AreEscapedInMarkup()
    {
        var part = Assert.Single(TelegramHtmlSplitter.Split("a & b > c &nbsp;"));

        Assert.Equal("a &amp; b &gt; c &amp;nbsp;", part.Markup);
        Assert.Equal("a & b > c &nbsp;", part.Text);
    }

    [Theory]
    [InlineData("<br>")]
    [InlineData("a < b")]
    [InlineData("<b>open")]
    [InlineData("<b><i>x</b></i>")]
    [InlineData("<span>x</span>")]
    public void Split_MarkupTelegramRefuses_Throws(string html)
    {
        Assert.Throws<TelegramHtmlException>(() => TelegramHtmlSplitter.Split(html));
    }

    [Fact]
    public void Split_TwoParagraphsOverLimit_CutsAfterBlankLineKeepingItInFirstPart()
    {
        var first = new string('a', 30) + ".";
        var second = new string('b', 30) + ".";

        var parts = TelegramHtmlSplitter.Split(first + "\n\n" + second, 40, 40);

        Assert.Equal([first + "\n\n", second], parts.Select(p => p.Text));
    }

    [Fact]
    public void Split_NoParagraphBreak_PrefersSentenceEndOverLaterSpace()
    {
        var parts = TelegramHtmlSplitter.Split("هل حضرت؟ نعم حضرت اليوم", 20, 20);

        Assert.Equal(["هل حضرت؟ ", "نعم حضرت اليوم"], parts.Select(p => p.Text));
    }

    [Fact]
    public void Split_SentenceEndFollowedByClosingQuote_CountsAsSentenceEnd()
    {
        var parts = TelegramHtmlSplitter.Split("قال “انتهى.” ثم غادر المكان بسرعة", 25, 25);

        Assert.Equal("قال “انتهى.” ", parts[0].Text);
    }

    [Fact]
    public void Split_BoldAcrossCut_ClosesAndReopensTag()
    {
        var parts = TelegramHtmlSplitter.Split("<b>one two <a href=\"https://x.example/?a=1&amp;b=2\">three four</a></b>", 12, 12);

        Assert.Equal("<b>one two </b>", parts[0].Markup);
        Assert.Equal("<b><a href=\"https://x.example/?a=1&amp;b=2\">three four</a></b>", parts[1].Markup);
    }

    [Fact]
    public void Split_TagsAtCut_ClosingStaysOpeningMoves()
    {
        var parts = TelegramHtmlSplitter.Split("<i>aaaa </i><b>bbbb</b>", 5, 5);

        Assert.Equal(["<i>aaaa </i>", "<b>bbbb</b>"], parts.Select(p => p.Markup));
    }

    [Fact]
    public void Split_EntitiesCountAsOneCharacter()
    {
        var html = string.Concat(Enumerable.Repeat("&lt;", 10));

        var part = Assert.Single(TelegramHtmlSplitter.Split(html, 10, 10));

        Assert.Equal(new string('<', 10), part.Text);
    }

    [Fact]
    public void Split_LimitCountsCodePointsNotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 10));

        Assert.Single(TelegramHtmlSplitter.Split(emoji, 10, 10));
        Assert.Equal(2, TelegramHtmlSplitter.Split(emoji + "😀", 10, 10).Count);
    }

    [Fact]
    public void Split_LongWordWithFamilyEmoji_NeverCutsInsideCluster()
    {
        var family = "👨‍👩‍👧‍👦";
        var text = string.Concat(Enumerable.Repeat(family, 6));

        var parts = TelegramHtmlSplitter.Split(text, 15, 15);

        Assert.All(parts, p => Assert.Equal(0, p.Text.Length % family.Length));
        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void Split_RawBytesOverLimit_SplitsEvenWhenCharactersFit()
    {
        var html = string.Concat(Enumerable.Repeat("&quot;x ", 100));

        var parts = TelegramHtmlSplitter.Split(html, 4096, 4096, rawByteLimit: 200);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p.Markup) <= 200));
    }

    [Fact]
    public void Split_Property_PartsFitValidateAndJoinToInput()
    {
        var gen = Gen.Select(TelegramTextGen.Document, Gen.Int[24, 300], Gen.Int[24, 300], Gen.Int[600, 5000]);

        gen.Sample(
            sample =>
            {
                var (doc, firstLimit, limit, rawLimit) = sample;

                var parts = TelegramHtmlSplitter.Split(doc.Html, firstLimit, limit, rawLimit);

                Assert.Equal(doc.Text, string.Concat(parts.Select(p => p.Text)));
                var boundaries = GraphemeBoundaries(doc.Text);
                var offset = 0;
                for (var i = 0; i < parts.Count; i++)
                {
                    var (text, error) = StrictTelegramHtml.Read(parts[i].Markup);
                    Assert.True(error is null, $"{error} in part {i}: {parts[i].Markup}");
                    Assert.Equal(parts[i].Text, text);
                    Assert.True(parts[i].Text.EnumerateRunes().Count() <= (i == 0 ? firstLimit : limit));
                    Assert.True(Encoding.UTF8.GetByteCount(parts[i].Markup) <= rawLimit);
                    offset += parts[i].Text.Length;
                    Assert.Contains(offset, boundaries);
                }
            },
            iter: 400);
    }

    internal static HashSet<int> GraphemeBoundaries(string text)
    {
        var set = new HashSet<int> { 0 };
        var i = 0;
        while (i < text.Length)
        {
            i += StringInfo.GetNextTextElementLength(text.AsSpan(i));
            set.Add(i);
        }

        return set;
    }
}
