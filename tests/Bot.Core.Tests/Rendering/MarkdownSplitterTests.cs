using Bot.Core.Rendering;
using CsCheck;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class MarkdownSplitterTests
{
    [Fact]
    public void Split_EscapePairAtLimit_NeverSeparatesBackslashFromItsCharacter()
    {
        var markdown = new string('a', 9) + "\\*b";

        var parts = MarkdownSplitter.Split(markdown, 10);

        Assert.Equal([new string('a', 9), "\\*b"], parts.Select(p => p.Markup));
    }

    [Fact]
    public void Truncate_LongTitle_EndsWithEllipsisWithinLimit()
    {
        var title = MarkdownSplitter.Truncate("word \\*word\\* word word", 12);

        Assert.Equal("word \\*word…", title);
    }

    [Fact]
    public void Split_Property_PartsFitAndJoinToInput()
    {
        var gen = Gen.Select(TelegramTextGen.Document, Gen.Int[20, 400]);

        gen.Sample(
            sample =>
            {
                var (doc, limit) = sample;
                var markdown = DiscordMarkdownEncoder.Instance.Encode(doc.Text);

                var parts = MarkdownSplitter.Split(markdown, limit);

                Assert.Equal(markdown, string.Concat(parts.Select(p => p.Markup)));
                Assert.Equal(doc.Text, DiscordMarkdown.Displayed(markdown));
                var boundaries = TelegramHtmlSplitterTests.GraphemeBoundaries(markdown);
                var offset = 0;
                foreach (var part in parts)
                {
                    Assert.True(part.Markup.EnumerateRunes().Count() <= limit);
                    Assert.Null(DiscordMarkdown.LiveMarkup(part.Markup));
                    offset += part.Markup.Length;
                    Assert.Contains(offset, boundaries);
                }
            },
            iter: 300);
    }
}
