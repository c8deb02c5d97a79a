namespace Bot.Core.Rendering;

/// <summary>
/// Where a message may be cut, and which cut to take. Text is a list of atoms (grapheme clusters, or whatever the
/// caller must never divide); a cut at position p falls between atom p-1 and atom p.
/// </summary>
/// <remarks>
/// A cut is only ever placed right after a run of whitespace, so the run stays at the end of the earlier part and
/// the next part starts with a visible character. Nothing is dropped or repeated: the parts' texts concatenated are
/// exactly the input. Platforms trim trailing whitespace on display, so the reader sees clean breaks.
/// </remarks>
internal static class SplitPoints
{
    public const byte Anywhere = 0;
    public const byte Word = 1;
    public const byte Sentence = 2;
    public const byte Paragraph = 3;

    private const string SentenceEnds = ".!?؟۔…";
    private const string Closers = "\"'”’»›)]}";

    /// <summary>Rank of the cut before each atom; index 0 and atoms inside words are <see cref="Anywhere"/>.</summary>
    public static byte[] Rank(IReadOnlyList<string> atoms)
    {
        var ranks = new byte[atoms.Count + 1];
        var runStart = -1;
        var runHasNewline = false;
        for (var p = 0; p < atoms.Count; p++)
        {
            if (IsBreakingSpace(atoms[p]))
            {
                if (runStart < 0)
                {
                    runStart = p;
                    runHasNewline = false;
                }

                runHasNewline |= atoms[p].Contains('\n');
                continue;
            }

            if (runStart >= 0)
            {
                ranks[p] = runHasNewline ? Paragraph
                    : runStart > 0 && EndsSentence(atoms, runStart - 1) ? Sentence
                    : Word;
            }

            runStart = -1;
        }

        ranks[atoms.Count] = Paragraph;
        return ranks;
    }

    /// <summary>
    /// The best cut in (<paramref name="start"/>, <paramref name="maxEnd"/>]: <paramref name="count"/> when everything
    /// left fits, else the latest paragraph break, else the latest sentence end, else the latest space, else
    /// <paramref name="maxEnd"/> itself (a long word or URL cut between two grapheme clusters).
    /// </summary>
    public static int Choose(byte[] ranks, int start, int maxEnd, int count)
    {
        if (maxEnd >= count)
        {
            return count;
        }

        Span<int> latest = stackalloc int[Paragraph + 1];
        latest.Fill(-1);
        for (var p = maxEnd; p > start; p--)
        {
            var r = ranks[p];
            if (r > Anywhere && latest[r] < 0)
            {
                latest[r] = p;
                if (r == Paragraph)
                {
                    break;
                }
            }
        }

        for (var r = Paragraph; r > Anywhere; r--)
        {
            if (latest[r] > 0)
            {
                return latest[r];
            }
        }

        return maxEnd;
    }

    private static bool IsBreakingSpace(string atom)
    {
        foreach (var c in atom)
        {
            if (!char.IsWhiteSpace(c) || c is '\u00A0' or '\u2007' or '\u202F')
            {
                return false;
            }
        }

        return atom.Length > 0;
    }

    private static bool EndsSentence(IReadOnlyList<string> atoms, int index)
    {
        while (index >= 0 && atoms[index].Length > 0 && Closers.Contains(atoms[index][^1]))
        {
            index--;
        }

        return index >= 0 && atoms[index].Length > 0 && SentenceEnds.Contains(atoms[index][^1]);
    }
}
