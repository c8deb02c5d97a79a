using Bot.Core.Articles;
using Xunit;

namespace Bot.Core.Tests.Articles;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("مؤتمرون بإسطنبول يعلنون 2023", "ar")]
    [InlineData("שלום עולם", "he")]
    [InlineData("Привет, мир", "ru")]
    [InlineData("Καλημέρα κόσμε", "el")]
    [InlineData("今日は良い天気です", "ja")]
    [InlineData("カタカナ", "ja")]
    [InlineData("안녕하세요 세계", "ko")]
    [InlineData("你好世界", "zh")]
    [InlineData("Hello, world", "en")]
    [InlineData("Ça va très bien", "en")]
    [InlineData("2023 — 12/23 “…”", "und")]
    [InlineData("", "und")]
    public void Detect_TextInOneScript_ReturnsThatScriptsLanguage(string text, string expected)
    {
        var language = LanguageDetector.Detect([text]);

        Assert.Equal(expected, language);
    }

    [Fact]
    public void Detect_MixedScripts_MajorityWins()
    {
        var language = LanguageDetector.Detect(["Quds Press", "قالت وكالة قدس برس إن المؤتمر انتهى"]);

        Assert.Equal("ar", language);
    }

    [Fact]
    public void Detect_MoreLatinThanArabicLetters_IsEnglish()
    {
        var language = LanguageDetector.Detect(["Istanbul Quds Press", "في", "إسطنبول"]);

        Assert.Equal("en", language);
    }

    [Fact]
    public void Detect_LongTextChangingScriptAfterTheLetterLimit_DecidesOnTheFirstLetters()
    {
        var arabic = new string('ب', LanguageDetector.MaxLetters);
        var latin = new string('x', 3 * LanguageDetector.MaxLetters);

        var language = LanguageDetector.Detect(["عنوان", arabic, latin]);

        Assert.Equal("ar", language);
    }
}
