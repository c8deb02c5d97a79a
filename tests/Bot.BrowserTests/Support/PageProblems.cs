using Microsoft.Playwright;

namespace Bot.BrowserTests.Support;

/// <summary>
/// Everything a page complained about: console errors (Chromium reports a blocked resource or a CSP violation there
/// too), uncaught script errors, and every <c>securitypolicyviolation</c> event, reported by a script Playwright adds
/// to each document before the page's own (outside the page's CSP).
/// </summary>
public sealed class PageProblems
{
    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));";

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<PageProblems> WatchAsync(IBrowserContext context, IPage page)
    {
        var problems = new PageProblems();
        await context.AddInitScriptAsync(ReportViolations);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        return problems;
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
