using Bot.BrowserTests.Support;
using Bot.Core.Delivery;
using Bot.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;

namespace Bot.BrowserTests;

/// <summary>
/// The admin pages in headless Chromium against the real host and the fake Bot API: sign in, watch counts change
/// without a reload, read the Arabic previews right to left, retract through the page's own form. Every page must
/// load with no console error, no script error and no CSP violation; each is photographed for review.
/// </summary>
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private DashboardHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(IBrowserContext Context, IPage Page, PageProblems Problems)> OpenAsync(ViewportSize viewport)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.Address.ToString(), ViewportSize = viewport });
        var page = await context.NewPageAsync();
        var problems = await PageProblems.WatchAsync(context, page);
        return (context, page, problems);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("Admin key").FillAsync(DashboardHost.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once a page with "Sign out" is shown, and it is the overview. Waiting for the address instead also
        // waited for its load event, which two CI runs missed after the page's network had gone idle.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        Assert.Equal("/admin", new Uri(page.Url).AbsolutePath);
    }

    private static Task<string> TextAsync(IPage page, string liveId) =>
        page.Locator($"[data-live=\"{liveId}\"]").TextContentAsync().ContinueWith(t => t.Result ?? "", TaskScheduler.Default);

    [Fact]
    public async Task Articles_PausedThenResumedElsewhere_CountsMoveFromPendingToSentWithoutAReload()
    {
        await _host.Actions.PauseAsync("news", CancellationToken.None);
        var key = await _host.ImportAsync("held.txt", Articles.Text("Held, then sent"));
        await _host.WaitForAsync(key, DeliveryStatus.Held);
        var (context, page, problems) = await OpenAsync(Phone);
        await using var _ = context;
        await SignInAsync(page);

        await page.GotoAsync("/admin/articles");
        var pendingBefore = await TextAsync(page, $"c|telegram|pending|{key}");
        var sentBefore = await TextAsync(page, $"c|telegram|sent|{key}");
        await Screenshots.SaveAsync(page, "articles-paused-phone");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };
        await _host.Actions.ResumeAsync("news", CancellationToken.None);
        await Eventually.HoldsAsync(async () => await TextAsync(page, $"c|telegram|sent|{key}") == "1", "the page shows the send");
        await Screenshots.SaveAsync(page, "articles-sent-phone");

        Assert.Equal("1", pendingBefore);
        Assert.Equal("0", sentBefore);
        Assert.Equal("0", await TextAsync(page, $"c|telegram|pending|{key}"));
        Assert.Equal(0, navigations);
        Assert.Single(_host.Telegram.VisibleMessages(DashboardHost.Chat));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ArticlePage_ArabicSample_PreviewsLaidOutRightToLeftAndLinksTheSentMessage()
    {
        var key = await _host.ImportAsync("quds-press-2023-12.txt", await File.ReadAllTextAsync(Articles.SamplePath));
        var sent = await _host.WaitForAsync(key, DeliveryStatus.Sent);
        var (context, page, problems) = await OpenAsync(Desktop);
        await using var _ = context;
        await SignInAsync(page);

        await page.GotoAsync("/admin/article?key=" + Uri.EscapeDataString(key));
        var telegram = await page.Locator(".tg-bubble").First.EvaluateAsync<string>("e => getComputedStyle(e).direction");
        var discord = await page.Locator(".dc-embed").First.EvaluateAsync<string>("e => getComputedStyle(e).direction");
        var headline = await page.Locator(".headline").EvaluateAsync<string>("e => getComputedStyle(e).direction");
        var bubbleText = await page.Locator(".tg-bubble .tg-text strong").First.TextContentAsync();
        var link = await page.Locator($"a[href=\"https://t.me/c/1000000001/{sent.RemoteIds[0]}\"]").CountAsync();
        var frame = page.FrameLocator("iframe.mail");
        var mailDirection = await frame.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).direction");
        await Screenshots.SaveAsync(page, "article-arabic-desktop");
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Screenshots.SaveAsync(page, "article-arabic-phone");

        Assert.Equal("rtl", telegram);
        Assert.Equal("rtl", discord);
        Assert.Equal("rtl", headline);
        Assert.Equal("rtl", mailDirection);
        Assert.StartsWith("مؤتمرون بإسطنبول", bubbleText, StringComparison.Ordinal);
        Assert.Equal(1, link);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Retract_ThroughTheConfirmPage_DeletesTheTelegramMessage()
    {
        var key = await _host.ImportAsync("retract.txt", Articles.Text("Retracted in the browser"));
        var sent = await _host.WaitForAsync(key, DeliveryStatus.Sent);
        var (context, page, problems) = await OpenAsync(Phone);
        await using var _ = context;
        await SignInAsync(page);

        await page.GotoAsync("/admin/article?key=" + Uri.EscapeDataString(key));
        await page.GetByRole(AriaRole.Link, new() { Name = "Retract…" }).ClickAsync();
        var token = await page.Locator("main form[action^=\"/admin/article/retract\"] input[name=form_token]").InputValueAsync();
        await Screenshots.SaveAsync(page, "retract-confirm-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retract", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/article?key=*");
        await _host.WaitForAsync(key, DeliveryStatus.Sent, DeliveryKind.Delete);
        await page.ReloadAsync();
        await Screenshots.SaveAsync(page, "article-retracted-phone");

        Assert.NotEmpty(token);
        Assert.True(_host.Telegram.Message(DashboardHost.Chat, int.Parse(sent.RemoteIds[0], System.Globalization.CultureInfo.InvariantCulture))!.Deleted);
        Assert.Contains(_host.Telegram.Journal, r => r.Method.Equals("deleteMessage", StringComparison.OrdinalIgnoreCase) || r.Method.Equals("deleteMessages", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await page.Locator(".badge.retracted").CountAsync());
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task EveryPage_LoadsWithoutConsoleErrorsOrCspViolations()
    {
        var key = await _host.ImportAsync("quds-press-2023-12.txt", await File.ReadAllTextAsync(Articles.SamplePath));
        await _host.WaitForAsync(key, DeliveryStatus.Sent);
        var (context, page, problems) = await OpenAsync(Desktop);
        await using var _ = context;
        var visited = new List<string>();

        await page.GotoAsync("/admin/login");
        await Screenshots.SaveAsync(page, "login");
        await SignInAsync(page);
        foreach (var (path, name) in new[]
                 {
                     ("/admin", "overview"),
                     ("/admin/articles", "articles"),
                     ("/admin/article?key=" + Uri.EscapeDataString(key), "article"),
                     ("/admin/article/retract?key=" + Uri.EscapeDataString(key), "retract-confirm"),
                     ("/admin/subscribers?q=example&state=active", "subscribers"),
                     ("/admin/audit", "audit"),
                 })
        {
            var response = await page.GotoAsync(path);
            visited.Add($"{path} {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Screenshots.SaveAsync(page, name);
        }

        // Long enough for the live script to poll at least once on the last live page.
        await page.GotoAsync("/admin/articles");
        await Eventually.HoldsAsync(async () => (await page.Locator("#live-state").TextContentAsync() ?? "").StartsWith("Live: updated", StringComparison.Ordinal), "the live script polled");

        Assert.All(visited, v => Assert.EndsWith(" 200", v, StringComparison.Ordinal));
        Assert.Empty(problems.All);
    }
}
