namespace Bot.Core.Tests.Rendering;

/// <summary>A throwaway copy of the default templates that a test may add to or break.</summary>
internal sealed class TemplateFolder : IDisposable
{
    private TemplateFolder(string path) => Path = path;

    public string Path { get; }

    public static TemplateFolder CopyOfDefaults()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "templates-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(ReferenceArticle.TemplatesPath, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(ReferenceArticle.TemplatesPath, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(file, destination);
        }

        return new TemplateFolder(target);
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string relative, string text)
    {
        var file = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, text);
    }

    public void Delete(string relative) => System.IO.File.Delete(File(relative));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
