namespace Bot.IntegrationTests.Support;

/// <summary>Article files in the reference <c>.txt</c> shape, distinct by title.</summary>
public static class Articles
{
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");

    public static string Text(string title, int paragraphs = 2) =>
        title + "\n\n"
        + string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} of “{title}”, with enough words to be a paragraph."))
        + "\n\nSource: Test Desk\n";

    /// <summary>Bytes no reader accepts as an article: invalid JSON.</summary>
    public const string BrokenJson = "{ \"title\": \"unterminated";
}
