using Microsoft.Playwright;
using Xunit;

namespace Bot.BrowserTests.Support;

/// <summary>
/// One headless Chromium for a whole test class (launching costs seconds); each test opens its own context. The
/// executable is Debian's <c>chromium</c>, or the one <c>BOT_TEST_CHROMIUM</c> names: Playwright downloads nothing.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutableVariable = "BOT_TEST_CHROMIUM";
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = string.IsNullOrEmpty(executable) ? DefaultExecutable : executable,
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
