namespace Bot.Core.Articles;

/// <summary>Normalises a language given in a file and tells the writing direction of a language.</summary>
public static class LanguageTag
{
    private static readonly HashSet<string> RightToLeft =
        new(["ar", "he", "fa", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"], StringComparer.Ordinal);

    /// <summary>
    /// Reduces a tag such as <c>AR-eg</c> or <c>en_US</c> to its lower-case primary subtag (<c>ar</c>, <c>en</c>).
    /// Only a primary subtag of two or three ASCII letters is accepted.
    /// </summary>
    public static bool TryNormalise(string raw, out string language)
    {
        var trimmed = raw.Trim();
        var end = trimmed.IndexOfAny(['-', '_']);
        var primary = end < 0 ? trimmed : trimmed[..end];
        if (primary.Length is 2 or 3 && primary.All(char.IsAsciiLetter))
        {
            language = primary.ToLowerInvariant();
            return true;
        }

        language = "";
        return false;
    }

    public static TextDirection DirectionOf(string language) =>
        RightToLeft.Contains(language) ? TextDirection.Rtl : TextDirection.Ltr;
}
