using System.Text;

namespace Bot.Core.Articles;

/// <summary>
/// Guesses an article's language from the script most of its letters are written in. It cannot tell
/// languages that share a script apart (Persian is reported as Arabic, French as English); files that
/// care say their language explicitly.
/// </summary>
public static class LanguageDetector
{
    /// <summary>
    /// Letters counted before deciding: the title and first paragraphs settle the script, and a 5 MB
    /// body should not cost a pass over every character.
    /// </summary>
    public const int MaxLetters = 10_000;

    /// <summary>The BCP 47 code for the dominant script of <paramref name="texts"/>, or <c>und</c> when there are no letters.</summary>
    public static string Detect(IEnumerable<string> texts)
    {
        int letters = 0, arabic = 0, hebrew = 0, cyrillic = 0, greek = 0, latin = 0, han = 0, kana = 0, hangul = 0;
        foreach (var text in texts)
        {
            if (letters >= MaxLetters) break;
            foreach (var rune in text.EnumerateRunes())
            {
                if (!Rune.IsLetter(rune)) continue;
                if (++letters > MaxLetters) break;
                var c = rune.Value;
                switch (c)
                {
                    case >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x0870 and <= 0x08FF
                        or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF:
                        arabic++;
                        break;
                    case >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F:
                        hebrew++;
                        break;
                    case >= 0x0400 and <= 0x052F or >= 0x1C80 and <= 0x1C8F or >= 0x2DE0 and <= 0x2DFF
                        or >= 0xA640 and <= 0xA69F:
                        cyrillic++;
                        break;
                    case >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF:
                        greek++;
                        break;
                    case >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F:
                        kana++;
                        break;
                    case >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F
                        or >= 0xA960 and <= 0xA97F or >= 0xD7B0 and <= 0xD7FF:
                        hangul++;
                        break;
                    case >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF
                        or >= 0x20000 and <= 0x3134F:
                        han++;
                        break;
                    case <= 0x024F or >= 0x1E00 and <= 0x1EFF or >= 0x2C60 and <= 0x2C7F or >= 0xA720 and <= 0xA7FF
                        or >= 0xFF21 and <= 0xFF5A:
                        latin++;
                        break;
                }
            }
        }

        // Japanese mixes kana with Han characters and Korean may mix Hanja with Hangul, so the
        // three East Asian scripts compete as one group and the kana or Hangul decide the language.
        var cjk = han + kana + hangul;
        (string Language, int Count)[] candidates =
        [
            ("ar", arabic), ("he", hebrew), ("ru", cyrillic), ("el", greek), ("en", latin),
            (hangul > 0 && hangul >= kana ? "ko" : kana > 0 ? "ja" : "zh", cjk),
        ];
        var best = candidates.MaxBy(c => c.Count);
        return best.Count > 0 ? best.Language : "und";
    }
}
