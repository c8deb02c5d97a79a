namespace Bot.Core.Articles;

/// <summary>
/// Counts the steps the article parsers take over untrusted input (characters scanned, tokens, nodes visited), so
/// tests can show that the work grows in proportion to the input and never with its square.
/// </summary>
public sealed class WorkCounter
{
    public long Steps { get; private set; }

    public void Add(long steps) => Steps += steps;
}
