namespace Bot.Core.Articles;

/// <summary>Splits plain text into paragraphs at blank lines, keeping each paragraph's own line breaks.</summary>
internal static class ParagraphSplitter
{
    public static List<string> Split(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                current.Add(line);
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count == 0) return;
            paragraphs.Add(string.Join('\n', current).Trim());
            current.Clear();
        }
    }

    public static List<string> Split(string text) =>
        Split(ArticleTextDecoder.NormaliseLineEndings(text).Split('\n'));
}
