using Microsoft.Playwright;

namespace Bot.BrowserTests.Support;

/// <summary>
/// Where page screenshots go: the folder <c>BOT_TEST_SCREENSHOTS</c> names, else <c>TestResults/screenshots/</c> at
/// the repository root (beside the test results CI writes).
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "BOT_TEST_SCREENSHOTS";

    public static string Folder { get; } = Resolve();

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private static string Resolve()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bot.sln")))
            {
                root = root.Parent;
            }

            folder = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
