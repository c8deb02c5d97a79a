using System.Text;
using Bot.Core.Rendering;
using CsCheck;

namespace Bot.Core.Tests.Rendering;

/// <summary>Generated Telegram HTML with the plain text it must show: the text the splitter has to give back.</summary>
internal static class TelegramTextGen
{
    public sealed record Doc(string Html, string Text);

    private static readonly string[] Words =
    [
        "القدس", "فلسطين", "المؤتمر", "“شركاء", "تحريرها”", "news", "Istanbul", "2023", "(منتدى", "الثقافة)",
        "👨‍👩‍👧‍👦", "🇵🇸", "🇹🇷", "e\u0301te\u0301", "ك\u0651\u064E", "a<b", "AT&T", "\"quoted\"", "@everyone", "<@123>",
        "*bold*", "__x__", "1 < 2 > 0", "&amp;", "x\u200Dy", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "\n", "\n\n", ". ", "؟ ", "! ", "، ", "۔ "];

    private static readonly string[] Formats = ["b", "i", "u", "s", "tg-spoiler", "code", "a"];

    private static readonly Gen<string> Word = Gen.Frequency(
        (12, Gen.OneOf(Words)),
        (1, Gen.Int[40, 400].Select(n => new string('ب', n))),
        (1, Gen.Int[5, 120].Select(n => "https://example.org/" + string.Concat(Enumerable.Repeat("path/", n)) + "?q=1&r=2")));

    private static readonly Gen<string> Run = Gen.Select(Word, Gen.OneOf(Separators)).Array[1, 30]
        .Select(pairs => string.Concat(pairs.Select(p => p.Item1 + p.Item2)));

    public static readonly Gen<Doc> Document = Node(3).Array[1, 12].Select(nodes =>
        new Doc(string.Concat(nodes.Select(n => n.Html)), string.Concat(nodes.Select(n => n.Text))));

    private static Gen<Doc> Node(int depth)
    {
        var text = Run.Select(t => new Doc(HtmlTextEncoder.Telegram.Encode(t), t));
        if (depth == 0)
        {
            return text;
        }

        var element = Gen.Select(Gen.OneOf(Formats), Node(depth - 1).Array[1, 4]).Select(p =>
        {
            var (tag, children) = p;
            var inner = new StringBuilder();
            foreach (var c in children)
            {
                inner.Append(c.Html);
            }

            var open = tag == "a" ? "<a href=\"https://example.org/?a=1&amp;b=2\">" : $"<{tag}>";
            return new Doc(open + inner + $"</{tag}>", string.Concat(children.Select(c => c.Text)));
        });
        return Gen.Frequency((3, text), (1, element));
    }
}
