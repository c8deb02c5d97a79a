using Xunit;

namespace Bot.Core.Tests.Rendering;

/// <summary>
/// Compares output with a file under Golden/. Run with UPDATE_GOLDEN=1 to rewrite the files in the source tree,
/// then read the diff before committing it.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string relativePath, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var target = Path.Combine(ProjectFolder(), "Golden", relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Golden", relativePath);
        Assert.True(File.Exists(path), $"golden file {relativePath} missing; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string ProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.Core.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("test project folder not found");
    }
}
